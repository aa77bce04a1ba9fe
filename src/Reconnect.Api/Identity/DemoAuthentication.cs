using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Reconnect.Api.Demo;

namespace Reconnect.Api.Identity;

/// <summary>
/// Signs every request in as the demo user, without a token. It exists only in Development with
/// <c>Demo:Enabled</c>; any other environment with that setting refuses to start, so a
/// misconfigured production host can never hand out the demo identity.
/// </summary>
internal static class DemoAuthentication
{
    public const string SchemeName = "Demo";

    /// <summary>Fixed ids of the demo user, so the demo's data survives restarts.</summary>
    public static readonly UserIdentity User = new("00000000-0000-0000-0000-00000000de00", "00000000-0000-0000-0000-00000000de01", "Jordan Reyes (demo)");

    /// <summary>Registers the demo scheme when demo mode is on; throws when it is on outside Development.</summary>
    public static bool AddDemoSignIn(this IHostApplicationBuilder builder, AuthenticationBuilder authentication)
    {
        var demo = builder.Configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions();
        if (!demo.Enabled)
        {
            return false;
        }

        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Demo:Enabled is true in the '{builder.Environment.EnvironmentName}' environment. The demo signs everyone in "
                + "without a token and is allowed only in Development: set Demo:Enabled to false.");
        }

        authentication.AddScheme<AuthenticationSchemeOptions, DemoAuthenticationHandler>(SchemeName, null);
        return true;
    }

    private sealed class DemoAuthenticationHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var identity = new ClaimsIdentity(
                [
                    new Claim("tid", User.TenantId),
                    new Claim("oid", User.ObjectId),
                    new Claim("name", User.Name!),
                    new Claim("scp", IdentityExtensions.ApiScope),
                ],
                SchemeName,
                "name",
                "roles");
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
