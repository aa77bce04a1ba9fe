namespace Reconnect.Api.TaskPane;

/// <summary>
/// What the task pane's page needs to know about its host. Bound from
/// <code>{ "TaskPane": { "OfficeJsUrl": "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
///   "ClientId": "...", "ApiScope": "api://host/client-id/access_as_user", "Authority": "https://login.microsoftonline.com/organizations" } }</code>
/// Everything has a default: Office.js from Microsoft's CDN (the store requires it) except in
/// Development, where the npm copy is served; the client id, scope and authority from "AzureAd"
/// (ClientId, AppIdUri, Instance, TenantId).
/// </summary>
public sealed class TaskPaneOptions
{
    public const string SectionName = "TaskPane";

    /// <summary>Microsoft's hosted Office.js, which add-ins in the store must load.</summary>
    public const string CdnOfficeJsUrl = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

    /// <summary>Where Development serves the npm package <c>@microsoft/office-js</c>.</summary>
    public const string LocalOfficeJsUrl = "/lib/office-js/office.js";

    public string? OfficeJsUrl { get; set; }

    /// <summary>The add-in's Entra ID application (client) id, for MSAL's nested app authentication.</summary>
    public string? ClientId { get; set; }

    /// <summary>The API scope the pane asks a token for, e.g. <c>api://localhost:7145/{clientId}/access_as_user</c>.</summary>
    public string? ApiScope { get; set; }

    public string? Authority { get; set; }

    /// <summary>True when the API signs the demo user in without a token; the pane then asks for none.</summary>
    public bool Demo { get; set; }
}
