using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;

namespace Reconnect.Api.Sync;

/// <summary>Turns a failed sync into a sentence the user can act on, without leaking internals.</summary>
internal static class SyncErrors
{
    public const string AccessRefused = "Microsoft Graph refused access to the mailbox. Sign in again or ask an administrator to consent.";

    public const string SignInNeeded = "Reconnect can no longer reach Microsoft Graph for you: open Reconnect in Outlook to sign in again or give consent.";

    public static string Describe(Exception exception) => exception switch
    {
        _ when NeedsSignIn(exception) => SignInNeeded,
        ODataError { ResponseStatusCode: 401 or 403 } => AccessRefused,
        ODataError error => $"Microsoft Graph answered {error.ResponseStatusCode} ({error.Error?.Code ?? "error"}). Try the sync again later.",
        HttpRequestException => "Microsoft Graph could not be reached. Try the sync again later.",
        TimeoutException or TaskCanceledException => "Microsoft Graph took too long to answer. Try the sync again later.",
        _ => "The sync stopped on an unexpected error. Try again; if it persists, the server log has the details.",
    };

    /// <summary>
    /// Whether a stored error is one only the user can clear (consent, a fresh sign-in, a claims
    /// challenge, access refused): retrying without them fails the same way, so the scheduler waits
    /// for them. The error column holds the sentence, not a code, so this compares sentences: an
    /// error written in older words counts as retryable, which costs a few retries, never a lost mailbox.
    /// </summary>
    public static bool NeedsUser(string? error) => error is AccessRefused or SignInNeeded;

    /// <summary>
    /// The long-running on-behalf-of session could not give a token without the user (refresh token
    /// expired or revoked, consent withdrawn, conditional access): MSAL's "UI required", however wrapped.
    /// </summary>
    private static bool NeedsSignIn(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is MsalUiRequiredException or MicrosoftIdentityWebChallengeUserException)
            {
                return true;
            }
        }

        return false;
    }
}
