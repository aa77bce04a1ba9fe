using Microsoft.Graph.Models.ODataErrors;

namespace Reconnect.Api.Sync;

/// <summary>Turns a failed sync into a sentence the user can act on, without leaking internals.</summary>
internal static class SyncErrors
{
    public static string Describe(Exception exception) => exception switch
    {
        ODataError { ResponseStatusCode: 401 or 403 } => "Microsoft Graph refused access to the mailbox. Sign in again or ask an administrator to consent.",
        ODataError error => $"Microsoft Graph answered {error.ResponseStatusCode} ({error.Error?.Code ?? "error"}). Try the sync again later.",
        HttpRequestException => "Microsoft Graph could not be reached. Try the sync again later.",
        TimeoutException or TaskCanceledException => "Microsoft Graph took too long to answer. Try the sync again later.",
        _ => "The sync stopped on an unexpected error. Try again; if it persists, the server log has the details.",
    };
}
