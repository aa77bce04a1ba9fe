using System.Security.Claims;

namespace Reconnect.Api.Identity;

/// <summary>
/// The user's delegated access to Microsoft Graph: begun while a request carries their token, used
/// by syncs that outlive that request, and forgotten when they erase their data.
/// </summary>
internal interface IGraphSessions
{
    /// <summary>
    /// Starts (or renews) the user's Graph session from the token of the current request.
    /// Throws <see cref="GraphConsentRequiredException"/> when the user must consent or satisfy a claims challenge first.
    /// </summary>
    Task BeginAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>A Graph access token for the user, from their session; no request needs to be in flight.</summary>
    Task<string> GetTokenAsync(UserIdentity user, string? claims, CancellationToken cancellationToken);

    /// <summary>Drops every token cached for the user.</summary>
    Task ForgetAsync(UserIdentity user, CancellationToken cancellationToken);
}

/// <summary>The Graph permissions Reconnect asks for, and where the user's tokens are kept.</summary>
internal static class GraphPermissions
{
    /// <summary>
    /// Envelopes only (Mail.ReadBasic gives no body and no attachment), the contacts that tie a
    /// person's addresses together, the user's own addresses, and calendar envelopes
    /// (Calendars.ReadBasic: who met when, never bodies) so that meetings count as contact.
    /// </summary>
    public static readonly IReadOnlyList<string> Scopes =
    [
        "https://graph.microsoft.com/Mail.ReadBasic",
        "https://graph.microsoft.com/Contacts.Read",
        "https://graph.microsoft.com/User.Read",
        "https://graph.microsoft.com/Calendars.ReadBasic",
    ];

    /// <summary>
    /// The long-running on-behalf-of session key of a user. It is derived from the validated tid and
    /// oid, so it is stable across the user's tokens (one cache entry per user, renewed by each sync
    /// request) and known again when the user asks to be forgotten.
    /// </summary>
    public static string SessionKey(UserIdentity user) =>
        $"reconnect-graph.{user.TenantId}.{user.ObjectId}".ToLowerInvariant();
}

/// <summary>Graph asked for something only the user can give: consent, a fresh sign-in, or claims.</summary>
internal sealed class GraphConsentRequiredException(GraphChallenge challenge, Exception? inner = null)
    : Exception(challenge.Description, inner)
{
    public GraphChallenge Challenge { get; } = challenge;
}

/// <summary>The demo reads the simulator without a token: there is no session to begin or forget.</summary>
internal sealed class DemoGraphSessions : IGraphSessions
{
    public Task BeginAsync(ClaimsPrincipal user, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string> GetTokenAsync(UserIdentity user, string? claims, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The demo has no Graph tokens.");

    public Task ForgetAsync(UserIdentity user, CancellationToken cancellationToken) => Task.CompletedTask;
}
