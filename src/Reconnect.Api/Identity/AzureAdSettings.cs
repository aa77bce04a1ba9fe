using System.ComponentModel.DataAnnotations;

namespace Reconnect.Api.Identity;

/// <summary>
/// The part of Microsoft.Identity.Web's "AzureAd" section the API cannot run without, checked at
/// start-up so a missing app registration fails the deployment rather than every request:
/// <code>{ "AzureAd": { "Instance": "https://login.microsoftonline.com/", "TenantId": "organizations", "ClientId": "..." } }</code>
/// </summary>
internal sealed class AzureAdSettings
{
    public const string SectionName = "AzureAd";

    [Required(ErrorMessage = "AzureAd:ClientId is required outside the demo: the API's application (client) id from its Entra ID app registration.")]
    public string? ClientId { get; set; }

    [Required(ErrorMessage = "AzureAd:TenantId is required outside the demo: a tenant id, or 'organizations' / 'common' for a multi-tenant app.")]
    public string? TenantId { get; set; }
}
