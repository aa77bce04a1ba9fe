using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using Microsoft.Identity.Web.TokenCacheProviders;
using Reconnect.Api.Identity;

namespace Reconnect.Api.Tests.Identity;

/// <summary>One call to get a Graph token: who asked, for what, in which session.</summary>
internal sealed record TokenCall(IReadOnlyList<string> Scopes, string? TenantId, string? UserObjectId, string? SessionKey, string? Claims);

/// <summary>
/// Stands in for Microsoft.Identity.Web's on-behalf-of token acquisition (Entra ID is not reachable
/// from tests): answers each user call with <c>obo:{session key}</c>, or throws what it is told to.
/// </summary>
internal sealed class FakeTokenAcquisition : ITokenAcquisition
{
    public ConcurrentQueue<TokenCall> Calls { get; } = new();

    /// <summary>When set, every user call throws it.</summary>
    public Exception? Failure { get; set; }

    /// <summary>
    /// When set, calls made without a signed-in user (the background sync's) wait until it completes
    /// or the sync is cancelled: syncs stay running for as long as a test needs to look at them.
    /// </summary>
    public TaskCompletionSource? HoldBackgroundCalls { get; set; }

    public static string TokenFor(TestUser user) => "obo:" + GraphPermissions.SessionKey(new UserIdentity(user.TenantId, user.ObjectId, null));

    public async Task<string> GetAccessTokenForUserAsync(IEnumerable<string> scopes, string? tenantId = null, string? userFlow = null, ClaimsPrincipal? user = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null)
    {
        Calls.Enqueue(new TokenCall([.. scopes], tenantId, user?.FindFirst("oid")?.Value ?? user?.FindFirst(UserIdentity.ObjectIdClaim)?.Value,
            tokenAcquisitionOptions?.LongRunningWebApiSessionKey, tokenAcquisitionOptions?.Claims));
        if (user is null && HoldBackgroundCalls is { } hold)
        {
            await hold.Task.WaitAsync(tokenAcquisitionOptions?.CancellationToken ?? CancellationToken.None);
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        var key = tokenAcquisitionOptions?.LongRunningWebApiSessionKey ?? throw new InvalidOperationException("Reconnect always uses a long-running session.");
        return "obo:" + key;
    }

    public Task<string> GetAccessTokenForUserAsync(IEnumerable<string> scopes, string? authenticationScheme, string? tenantId = null, string? userFlow = null, ClaimsPrincipal? user = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) =>
        GetAccessTokenForUserAsync(scopes, tenantId, userFlow, user, tokenAcquisitionOptions);

    public Task<AuthenticationResult> GetAuthenticationResultForUserAsync(IEnumerable<string> scopes, string? tenantId = null, string? userFlow = null, ClaimsPrincipal? user = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) =>
        throw new NotSupportedException();

    public Task<AuthenticationResult> GetAuthenticationResultForUserAsync(IEnumerable<string> scopes, string? authenticationScheme, string? tenantId = null, string? userFlow = null, ClaimsPrincipal? user = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) =>
        throw new NotSupportedException();

    public Task<string> GetAccessTokenForAppAsync(string scope, string? tenant = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) =>
        throw new NotSupportedException("Reconnect never acts as itself in Graph.");

    public Task<string> GetAccessTokenForAppAsync(string scope, string? authenticationScheme, string? tenant = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) =>
        throw new NotSupportedException("Reconnect never acts as itself in Graph.");

    public Task<AuthenticationResult> GetAuthenticationResultForAppAsync(string scope, string? tenant = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) =>
        throw new NotSupportedException();

    public Task<AuthenticationResult> GetAuthenticationResultForAppAsync(string scope, string? authenticationScheme, string? tenant = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) =>
        throw new NotSupportedException();

    public void ReplyForbiddenWithWwwAuthenticateHeader(IEnumerable<string> scopes, MsalUiRequiredException msalServiceException, HttpResponse? httpResponse = null) =>
        throw new NotSupportedException();

    public void ReplyForbiddenWithWwwAuthenticateHeader(IEnumerable<string> scopes, MsalUiRequiredException msalServiceException, string? authenticationScheme, HttpResponse? httpResponse = null) =>
        throw new NotSupportedException();

    public string GetEffectiveAuthenticationScheme(string? authenticationScheme) => authenticationScheme ?? "Bearer";

    public Task ReplyForbiddenWithWwwAuthenticateHeaderAsync(IEnumerable<string> scopes, MsalUiRequiredException msalServiceException, HttpResponse? httpResponse = null) =>
        throw new NotSupportedException();
}

/// <summary>Records which token cache entries the API clears.</summary>
internal sealed class RecordingTokenCache : IMsalTokenCacheProvider
{
    public ConcurrentQueue<string> Cleared { get; } = new();

    public Task InitializeAsync(ITokenCache tokenCache) => Task.CompletedTask;

    public void Initialize(ITokenCache tokenCache)
    {
    }

    public Task ClearAsync(string homeAccountId)
    {
        Cleared.Enqueue(homeAccountId);
        return Task.CompletedTask;
    }
}
