using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.Identity.Web.TokenCacheProviders.Distributed;
using Reconnect.Api.Sync;

namespace Reconnect.Api.Identity;

internal static class IdentityExtensions
{
    /// <summary>The policy every /api endpoint requires: a user with tid and oid, holding the API's scope.</summary>
    public const string ApiUserPolicy = "ApiUser";

    public const string ApiScope = "access_as_user";

    /// <summary><c>TokenCache:Provider</c>: <c>Memory</c> (default) or <c>Distributed</c>.</summary>
    public const string TokenCacheProviderKey = "TokenCache:Provider";

    public static IHostApplicationBuilder AddIdentity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<MailboxDirectory>();
        builder.Services.AddScoped<CurrentUser>();

        var authentication = builder.Services.AddAuthentication();
        if (builder.AddDemoSignIn(authentication))
        {
            builder.Services.AddSingleton<IGraphSessions, DemoGraphSessions>();
        }
        else
        {
            builder.AddMicrosoftIdentity(authentication);
        }

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiUserPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => UserIdentity.FromPrincipal(context.User) is not null)
                .RequireAssertion(context => HasScope(context, ApiScope)));
        return builder;
    }

    /// <summary>
    /// Microsoft Entra ID access tokens for the API, validated by Microsoft.Identity.Web ("AzureAd"
    /// section) and tightened by <see cref="ApiTokenValidation"/>; Graph reached on behalf of the user.
    /// </summary>
    private static void AddMicrosoftIdentity(this IHostApplicationBuilder builder, AuthenticationBuilder authentication)
    {
        builder.Services.AddOptions<AzureAdSettings>()
            .BindConfiguration(AzureAdSettings.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var downstream = authentication
            .AddMicrosoftIdentityWebApi(builder.Configuration.GetSection(AzureAdSettings.SectionName))
            .EnableTokenAcquisitionToCallDownstreamApi();
        if (string.Equals(builder.Configuration[TokenCacheProviderKey], "Distributed", StringComparison.OrdinalIgnoreCase))
        {
            // Whatever IDistributedCache the host registers (Redis for a fleet); the in-memory one only
            // if none is, which keeps a single instance working. Entries are encrypted with Data
            // Protection by default (TokenCache:Encrypt), so a fleet must share its key ring.
            builder.Services.AddDistributedMemoryCache();
            downstream.AddDistributedTokenCaches();
            builder.Services.Configure<MsalDistributedTokenCacheAdapterOptions>(options =>
            {
                options.Encrypt = true;
                builder.Configuration.GetSection("TokenCache").Bind(options);
            });
        }
        else
        {
            downstream.AddInMemoryTokenCaches();
        }

        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<IOptions<AzureAdSettings>>((options, settings) => ApiTokenValidation.Configure(options, settings.Value));

        builder.Services.AddScoped<IGraphSessions, OnBehalfOfGraphSessions>();
        builder.Services.AddScoped<IGraphClientSource, OnBehalfOfGraphClientSource>();
    }

    private static bool HasScope(AuthorizationHandlerContext context, string scope) =>
        context.User.FindAll("scp").Concat(context.User.FindAll("http://schemas.microsoft.com/identity/claims/scope"))
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);
}
