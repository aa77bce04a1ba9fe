using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Reconnect.Api.Identity;

/// <summary>
/// Accepts only Entra ID v2.0 access tokens whose issuer is <c>{Instance}/{tid}/v2.0</c> for the
/// token's own <c>tid</c>, and whose tenant the registration lets in: exactly the configured tenant
/// for a single-tenant app; any work or school tenant for <c>organizations</c>; any tenant for
/// <c>common</c>; the personal-accounts tenant for <c>consumers</c>; and, when
/// <c>AzureAd:AllowedTenants</c> is set, only those.
/// </summary>
/// <remarks>
/// It replaces Microsoft.Identity.Web's <c>AadIssuerValidator</c>, which, for an issuer it does not
/// know, downloads the authority's metadata and also accepts v1.0 (sts.windows.net) tokens. This one
/// is decided by configuration alone: no network at validation time, and v1.0 tokens never pass.
/// </remarks>
internal sealed class EntraIssuerValidator(AzureAdSettings settings)
{
    private readonly string _instance = settings.Instance.TrimEnd('/');

    public string Validate(string issuer, SecurityToken token, TokenValidationParameters parameters)
    {
        var tenantId = TenantOf(token);
        if (tenantId is null || !Guid.TryParse(tenantId, out _))
        {
            throw new SecurityTokenInvalidIssuerException("The token has no tenant id (tid).") { InvalidIssuer = issuer };
        }

        if (!string.Equals(issuer, $"{_instance}/{tenantId}/v2.0", StringComparison.Ordinal))
        {
            throw new SecurityTokenInvalidIssuerException($"The issuer '{issuer}' is not the v2.0 issuer of the token's tenant.") { InvalidIssuer = issuer };
        }

        if (!IsTenantAllowed(tenantId))
        {
            throw new SecurityTokenInvalidIssuerException($"Tenant '{tenantId}' may not use this API.") { InvalidIssuer = issuer };
        }

        return issuer;
    }

    private bool IsTenantAllowed(string tenantId)
    {
        var configured = settings.TenantId ?? string.Empty;
        var audienceAllows = configured.ToLowerInvariant() switch
        {
            AzureAdSettings.Common => true,
            AzureAdSettings.Organizations => !SameTenant(tenantId, AzureAdSettings.ConsumersTenantId),
            AzureAdSettings.Consumers => SameTenant(tenantId, AzureAdSettings.ConsumersTenantId),
            _ => SameTenant(tenantId, configured),
        };
        return audienceAllows && (settings.AllowedTenants.Length == 0 || settings.AllowedTenants.Any(t => SameTenant(t, tenantId)));
    }

    private static bool SameTenant(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string? TenantOf(SecurityToken token) => token switch
    {
        JsonWebToken jwt when jwt.TryGetPayloadValue<string>("tid", out var tid) => tid,
        System.IdentityModel.Tokens.Jwt.JwtSecurityToken jwt => jwt.Payload.TryGetValue("tid", out var tid) ? tid as string : null,
        _ => null,
    };
}
