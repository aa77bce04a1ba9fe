using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Identity.Client;
using Microsoft.Net.Http.Headers;

namespace Reconnect.Api.Identity;

/// <summary>
/// What the pane must do before the API can reach Graph for the user, sent as a 403 whose
/// <c>WWW-Authenticate</c> header reads, for example:
/// <code>Bearer error="consent_required", error_description="...", scope="https://graph.microsoft.com/Mail.ReadBasic ...", claims="eyJhY2Nlc3NfdG9rZW4iOnsi..."</code>
/// <c>error</c> is <c>consent_required</c> (ask for the scopes interactively), <c>insufficient_claims</c>
/// (a conditional access or claims challenge: ask again with the base64url-decoded <c>claims</c>) or
/// <c>interaction_required</c> (sign in again). The ProblemDetails body carries the same values.
/// </summary>
internal sealed record GraphChallenge(string Error, string Description, IReadOnlyList<string> Scopes, string? Claims)
{
    public const string ConsentRequired = "consent_required", InsufficientClaims = "insufficient_claims", InteractionRequired = "interaction_required";

    public static GraphChallenge From(MsalUiRequiredException exception)
    {
        if (!string.IsNullOrEmpty(exception.Claims))
        {
            return new(InsufficientClaims, "Microsoft Graph needs more from your sign-in (a claims challenge). Sign in again with the claims given.", GraphPermissions.Scopes, exception.Claims);
        }

        // AADSTS65001: the user or an administrator has not consented to the Graph permissions.
        return exception.Classification == UiRequiredExceptionClassification.ConsentRequired || exception.Message.Contains("AADSTS65001", StringComparison.Ordinal)
            ? new(ConsentRequired, "Reconnect needs your consent to read your mail envelopes and contacts through Microsoft Graph.", GraphPermissions.Scopes, null)
            : new(InteractionRequired, "Sign in again so Reconnect can reach Microsoft Graph for you.", GraphPermissions.Scopes, null);
    }

    /// <summary>The <c>WWW-Authenticate</c> value (RFC 6750 style; claims base64url-encoded as Entra ID and Graph send them).</summary>
    public string ToHeader()
    {
        var parameters = new List<string>
        {
            $"error=\"{Error}\"",
            $"error_description=\"{Description.Replace("\"", "'", StringComparison.Ordinal)}\"",
            $"scope=\"{string.Join(' ', Scopes)}\"",
        };
        if (Claims is not null)
        {
            parameters.Add($"claims=\"{EncodedClaims}\"");
        }

        return "Bearer " + string.Join(", ", parameters);
    }

    private string? EncodedClaims => Claims is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(Claims)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>403 with the header and a ProblemDetails body.</summary>
    public IResult ToResult() => new ChallengeResult(this);

    private sealed class ChallengeResult(GraphChallenge challenge) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[HeaderNames.WWWAuthenticate] = challenge.ToHeader();
            var problem = TypedResults.Problem(
                title: "Consent or sign-in needed for Microsoft Graph",
                detail: challenge.Description,
                statusCode: StatusCodes.Status403Forbidden,
                extensions: new Dictionary<string, object?>
                {
                    ["error"] = challenge.Error,
                    ["scopes"] = challenge.Scopes,
                    ["claims"] = challenge.EncodedClaims,
                });
            return problem.ExecuteAsync(httpContext);
        }
    }
}

internal static class GraphSessionEndpoints
{
    /// <summary>
    /// Begins the user's Graph session before the handler runs, while the request's token is at hand,
    /// and answers 403 with a <see cref="GraphChallenge"/> when the user must act first.
    /// </summary>
    public static RouteHandlerBuilder RequireGraphSession(this RouteHandlerBuilder builder) => builder
        .AddEndpointFilter(async (context, next) =>
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<IGraphSessions>();
            try
            {
                await sessions.BeginAsync(context.HttpContext.User, context.HttpContext.RequestAborted);
            }
            catch (GraphConsentRequiredException exception)
            {
                return exception.Challenge.ToResult();
            }

            return await next(context);
        })
        .ProducesProblem(StatusCodes.Status403Forbidden);
}
