using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Reconnect.Api.Identity;

/// <summary>
/// Tightens what Microsoft.Identity.Web accepts to what this API issues scopes for: signed (RS256)
/// v2.0 access tokens of the configured tenants, for this API's client id or app id URI, within
/// their lifetime.
/// </summary>
internal static class ApiTokenValidation
{
    public static void Configure(JwtBearerOptions options, AzureAdSettings settings)
    {
        var parameters = options.TokenValidationParameters;
        parameters.ValidateAudience = true;
        parameters.AudienceValidator = null;
        parameters.ValidAudience = null;
        parameters.ValidAudiences = settings.Audiences;

        parameters.ValidateIssuer = true;
        parameters.IssuerValidator = new EntraIssuerValidator(settings).Validate;

        parameters.ValidateLifetime = true;
        parameters.RequireExpirationTime = true;
        parameters.RequireSignedTokens = true;
        // Entra ID signs access tokens with RS256; naming it refuses "none", HMAC and key-confusion tricks.
        parameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
    }
}
