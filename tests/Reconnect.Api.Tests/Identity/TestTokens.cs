using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Reconnect.Api.Tests.Identity;

/// <summary>
/// Entra ID-shaped v2.0 access tokens signed with a key made for the test run; the API under test
/// trusts that key through a static OpenID configuration, so nothing is downloaded.
/// </summary>
internal static class TestTokens
{
    public const string Instance = "https://login.microsoftonline.com/";
    public const string ClientId = "11111111-2222-3333-4444-555555555555";
    public const string HomeTenant = "aaaaaaaa-0000-4000-8000-000000000001";
    public const string OtherTenant = "bbbbbbbb-0000-4000-8000-000000000002";
    public const string ConsumersTenant = "9188040d-6c67-4c5b-b112-36a304b66dad";

    public static readonly RsaSecurityKey SigningKey = new(RSA.Create(2048)) { KeyId = "reconnect-test-key" };

    /// <summary>Another key under the same key id: its signatures must not verify.</summary>
    public static readonly RsaSecurityKey ImpostorKey = new(RSA.Create(2048)) { KeyId = "reconnect-test-key" };

    public static string IssuerOf(string tenantId) => $"{Instance}{tenantId}/v2.0";

    public static string Create(TokenSpec spec)
    {
        var claims = new Dictionary<string, object>
        {
            ["ver"] = "2.0",
            ["name"] = spec.Name,
        };
        if (spec.TenantId is not null)
        {
            claims["tid"] = spec.TenantId;
        }

        if (spec.ObjectId is not null)
        {
            claims["oid"] = spec.ObjectId;
        }

        if (spec.Scopes is not null)
        {
            claims["scp"] = spec.Scopes;
        }

        if (spec.Roles is not null)
        {
            claims["roles"] = spec.Roles;
        }

        var now = DateTime.UtcNow;
        var notBefore = now + spec.NotBeforeOffset;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer ?? IssuerOf(spec.TenantId ?? HomeTenant),
            Audience = spec.Audience,
            Claims = claims,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = now + spec.ExpiresOffset,
            SigningCredentials = new SigningCredentials(spec.Key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A well-formed token for a valid user, with <c>alg: none</c> and no signature.</summary>
    public static string Unsigned(TokenSpec spec)
    {
        var now = DateTimeOffset.UtcNow;
        var payload = new Dictionary<string, object>
        {
            ["iss"] = IssuerOf(spec.TenantId!),
            ["aud"] = spec.Audience,
            ["tid"] = spec.TenantId!,
            ["oid"] = spec.ObjectId!,
            ["scp"] = spec.Scopes!,
            ["ver"] = "2.0",
            ["nbf"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["iat"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        };
        return $"{Base64Url("""{"alg":"none","typ":"JWT"}""")}.{Base64Url(JsonSerializer.Serialize(payload))}.";
    }

    private static string Base64Url(string text) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(text));
}

/// <summary>What goes into a test token; the defaults make a valid one for user A of the home tenant.</summary>
internal sealed record TokenSpec
{
    public string? TenantId { get; init; } = TestTokens.HomeTenant;
    public string? ObjectId { get; init; } = TestUsers.A.ObjectId;
    public string Name { get; init; } = "Test User";
    public string? Issuer { get; init; }
    public string Audience { get; init; } = TestTokens.ClientId;
    public string? Scopes { get; init; } = "access_as_user";
    public string[]? Roles { get; init; }
    public TimeSpan NotBeforeOffset { get; init; } = TimeSpan.FromMinutes(-5);
    public TimeSpan ExpiresOffset { get; init; } = TimeSpan.FromHours(1);
    public SecurityKey? Key { get; init; }

    public static TokenSpec For(TestUser user) => new() { TenantId = user.TenantId, ObjectId = user.ObjectId, Name = user.Name };

    public string Sign() => TestTokens.Create(this);
}

internal sealed record TestUser(string TenantId, string ObjectId, string Name)
{
    public string Token => TokenSpec.For(this).Sign();
}

internal static class TestUsers
{
    public static readonly TestUser A = new(TestTokens.HomeTenant, "0000000a-0000-4000-8000-00000000000a", "Ada A");
    public static readonly TestUser B = new(TestTokens.HomeTenant, "0000000b-0000-4000-8000-00000000000b", "Bo B");
    /// <summary>Same object id as A in another tenant: a different person, who must not see A's data.</summary>
    public static readonly TestUser ATwin = new(TestTokens.OtherTenant, A.ObjectId, "Ada's twin");
}
