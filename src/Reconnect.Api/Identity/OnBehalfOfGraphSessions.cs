using System.Security.Claims;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using Microsoft.Identity.Web.TokenCacheProviders;

namespace Reconnect.Api.Identity;

/// <summary>
/// Graph access through Microsoft.Identity.Web's long-running on-behalf-of flow: the sync request's
/// token is exchanged once for Graph tokens (and a refresh token) kept in the token cache under the
/// user's session key; the background sync then gets fresh Graph tokens from that session, long after
/// the request's own token has expired.
/// </summary>
internal sealed class OnBehalfOfGraphSessions(ITokenAcquisition tokens, IServiceProvider services) : IGraphSessions
{
    public async Task BeginAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var identity = UserIdentity.FromPrincipal(user) ?? throw new InvalidOperationException("The request has no tid/oid.");
        try
        {
            // With a session key and the request's token, Identity.Web initiates (or renews) the long-running session.
            await tokens.GetAccessTokenForUserAsync(
                GraphPermissions.Scopes,
                tenantId: identity.TenantId,
                user: user,
                tokenAcquisitionOptions: Options(identity, claims: null, cancellationToken));
        }
        catch (MicrosoftIdentityWebChallengeUserException exception)
        {
            throw new GraphConsentRequiredException(GraphChallenge.From(exception.MsalUiRequiredException), exception);
        }
        catch (MsalUiRequiredException exception)
        {
            throw new GraphConsentRequiredException(GraphChallenge.From(exception), exception);
        }
    }

    public Task<string> GetTokenAsync(UserIdentity user, string? claims, CancellationToken cancellationToken) =>
        // Without the request's token, the same session key makes Identity.Web acquire from the long-running session.
        tokens.GetAccessTokenForUserAsync(
            GraphPermissions.Scopes,
            tenantId: user.TenantId,
            tokenAcquisitionOptions: Options(user, claims, cancellationToken));

    public async Task ForgetAsync(UserIdentity user, CancellationToken cancellationToken)
    {
        // MSAL files a long-running session's tokens under the session key itself.
        if (services.GetService<IMsalTokenCacheProvider>() is { } cache)
        {
            await cache.ClearAsync(GraphPermissions.SessionKey(user));
        }
    }

    private static TokenAcquisitionOptions Options(UserIdentity user, string? claims, CancellationToken cancellationToken) => new()
    {
        LongRunningWebApiSessionKey = GraphPermissions.SessionKey(user),
        Claims = claims,
        CancellationToken = cancellationToken,
    };
}
