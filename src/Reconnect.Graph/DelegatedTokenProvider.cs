using System.Text;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Reconnect.Graph;

/// <summary>
/// Hands the Graph SDK a delegated access token that someone else acquires (in the API: Microsoft.Identity.Web's
/// on-behalf-of flow). Wrapped in Kiota's <see cref="BaseBearerTokenAuthenticationProvider"/>, which writes
/// <c>Authorization: Bearer &lt;token&gt;</c> and, when Graph answers a claims challenge (continuous access
/// evaluation), asks again with the challenge's claims.
/// </summary>
/// <remarks>
/// The token goes only to the Graph host it was acquired for, and only over HTTPS (loopback excepted, for
/// the simulator): a next link or redirect to any other host gets no token at all.
/// </remarks>
public sealed class DelegatedTokenProvider : IAccessTokenProvider
{
    /// <summary>The key Kiota uses for a claims challenge in the additional authentication context.</summary>
    private const string ClaimsKey = "claims";

    private readonly Func<string?, CancellationToken, Task<string>> _acquire;

    /// <param name="graphBaseUrl">Graph's root; its host is the only one that receives the token.</param>
    /// <param name="acquire">Gets a token; its argument is the decoded claims of a claims challenge, or null.</param>
    public DelegatedTokenProvider(string graphBaseUrl, Func<string?, CancellationToken, Task<string>> acquire)
    {
        ArgumentNullException.ThrowIfNull(acquire);
        _acquire = acquire;
        AllowedHostsValidator = new AllowedHostsValidator([new Uri(graphBaseUrl, UriKind.Absolute).Host]);
    }

    public AllowedHostsValidator AllowedHostsValidator { get; }

    /// <summary>A bearer authentication provider for <see cref="GraphClients.Create"/>.</summary>
    public static IAuthenticationProvider Authentication(string graphBaseUrl, Func<string?, CancellationToken, Task<string>> acquire) =>
        new BaseBearerTokenAuthenticationProvider(new DelegatedTokenProvider(graphBaseUrl, acquire));

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);

        // Kiota's convention: an empty token means "send no Authorization header".
        if (!AllowedHostsValidator.IsUrlHostValid(uri))
        {
            return string.Empty;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
        {
            throw new InvalidOperationException($"A Graph token is sent only over HTTPS, not to {uri.Scheme}://{uri.Host}.");
        }

        var claims = additionalAuthenticationContext is not null && additionalAuthenticationContext.TryGetValue(ClaimsKey, out var value)
            ? DecodeClaims(value as string)
            : null;
        return await _acquire(claims, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Graph sends the claims of a challenge base64-encoded; MSAL wants the JSON.</summary>
    internal /* for unit tests */ static string? DecodeClaims(string? claims)
    {
        if (string.IsNullOrWhiteSpace(claims))
        {
            return null;
        }

        if (claims.TrimStart().StartsWith('{'))
        {
            return claims;
        }

        var base64 = claims.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return claims;
        }
    }
}
