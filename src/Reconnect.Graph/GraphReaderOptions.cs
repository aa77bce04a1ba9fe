using System.ComponentModel.DataAnnotations;

namespace Reconnect.Graph;

/// <summary>
/// How Reconnect talks to Microsoft Graph. Bound from the "Graph" section:
/// <code>{ "Graph": { "BaseUrl": "https://graph.microsoft.com/v1.0", "PageSize": 1000 } }</code>
/// </summary>
public sealed class GraphReaderOptions
{
    public const string SectionName = "Graph";

    [Required, Url]
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Messages per delta page; Graph serves at most 1000, and fewer pages mean fewer requests.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 1000;

    /// <summary>Concurrent requests per mailbox: Outlook's limit is 4.</summary>
    [Range(1, 4)]
    public int MaxConcurrentRequests { get; set; } = 4;
}
