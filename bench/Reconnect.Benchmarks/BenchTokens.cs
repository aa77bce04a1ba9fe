using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Reconnect.Benchmarks;

/// <summary>
/// Entra ID-shaped v2.0 access tokens signed with a key made for the run. The API under load
/// trusts the key's public half through a static OpenID configuration (<see cref="LoadServer"/>),
/// so the whole JWT bearer pipeline runs, with nothing downloaded.
/// </summary>
internal sealed class BenchTokens
{
    public const string Instance = "https://login.microsoftonline.com/";
    public const string ClientId = "11111111-2222-3333-4444-555555555555";
    public const string TenantId = "aaaaaaaa-0000-4000-8000-0000000000b1";
    private const string KeyId = "reconnect-bench-key";

    private readonly RSA _rsa = RSA.Create(2048);

    /// <summary>The public key (SubjectPublicKeyInfo, base64) for the server process.</summary>
    public string PublicKey => Convert.ToBase64String(_rsa.ExportSubjectPublicKeyInfo());

    public static RsaSecurityKey KeyFrom(string publicKey)
    {
        var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKey), out _);
        return new RsaSecurityKey(rsa) { KeyId = KeyId };
    }

    /// <summary>The object id of the load's user number <paramref name="user"/>.</summary>
    public static string ObjectId(int user) => $"{user + 1:x8}-0000-4000-8000-{user + 1:x12}";

    /// <summary>A token for the API's scope, valid for <paramref name="lifetime"/>.</summary>
    public string Sign(string objectId, string name, TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"{Instance}{TenantId}/v2.0",
            Audience = ClientId,
            Claims = new Dictionary<string, object>
            {
                ["ver"] = "2.0",
                ["tid"] = TenantId,
                ["oid"] = objectId,
                ["name"] = name,
                ["scp"] = "access_as_user",
            },
            NotBefore = now.AddMinutes(-5),
            IssuedAt = now.AddMinutes(-5),
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }
}
