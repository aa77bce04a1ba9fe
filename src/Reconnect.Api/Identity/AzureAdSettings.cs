using System.ComponentModel.DataAnnotations;

namespace Reconnect.Api.Identity;

/// <summary>
/// The part of Microsoft.Identity.Web's "AzureAd" section the API cannot run without, checked at
/// start-up so a missing app registration fails the deployment rather than every request:
/// <code>{ "AzureAd": { "Instance": "https://login.microsoftonline.com/", "TenantId": "organizations", "ClientId": "..." } }</code>
/// The rest of the section (client credentials, token cache options) is Microsoft.Identity.Web's own.
/// </summary>
internal sealed class AzureAdSettings : IValidatableObject
{
    public const string SectionName = "AzureAd";

    /// <summary>Tenant ids of the multi-tenant sign-in audiences, and the id of the personal-accounts tenant.</summary>
    public const string Common = "common", Organizations = "organizations", Consumers = "consumers";
    public const string ConsumersTenantId = "9188040d-6c67-4c5b-b112-36a304b66dad";

    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    [Required(ErrorMessage = "AzureAd:ClientId is required outside the demo: the API's application (client) id from its Entra ID app registration.")]
    public string? ClientId { get; set; }

    [Required(ErrorMessage = "AzureAd:TenantId is required outside the demo: a tenant id, or 'organizations' / 'common' for a multi-tenant app.")]
    public string? TenantId { get; set; }

    /// <summary>
    /// The API's application id URI when it is not <c>api://{ClientId}</c> (Office's SSO form is
    /// <c>api://{host}/{ClientId}</c>). Tokens may carry it, or the client id, as their audience.
    /// </summary>
    public string? AppIdUri { get; set; }

    /// <summary>For a multi-tenant registration: when set, only these tenants' users are let in.</summary>
    public string[] AllowedTenants { get; set; } = [];

    /// <summary>True for 'common', 'organizations' and 'consumers': the issuer's tenant comes from the token.</summary>
    public bool IsMultiTenant => TenantId is { } t && (IsNamed(t, Common) || IsNamed(t, Organizations) || IsNamed(t, Consumers));

    /// <summary>The audiences a token for this API may carry.</summary>
    public IReadOnlyList<string> Audiences =>
        [.. new[] { ClientId, $"api://{ClientId}", AppIdUri }.OfType<string>().Where(a => a.Length > 0).Distinct(StringComparer.Ordinal)];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TenantId is { Length: > 0 } tenant && !IsMultiTenant && !Guid.TryParse(tenant, out _))
        {
            yield return new ValidationResult(
                $"AzureAd:TenantId '{tenant}' must be the tenant's id (a GUID), or 'organizations' / 'common' for a multi-tenant app: "
                + "tokens are checked against the tenant id they carry.", [nameof(TenantId)]);
        }

        if (!Uri.TryCreate(Instance, UriKind.Absolute, out var instance) || instance.Scheme != Uri.UriSchemeHttps)
        {
            yield return new ValidationResult($"AzureAd:Instance '{Instance}' must be an https URL, e.g. https://login.microsoftonline.com/.", [nameof(Instance)]);
        }
    }

    private static bool IsNamed(string value, string name) => string.Equals(value, name, StringComparison.OrdinalIgnoreCase);
}
