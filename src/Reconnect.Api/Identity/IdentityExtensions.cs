using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
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

    /// <summary><c>Redis:Configuration</c>: a StackExchange.Redis configuration string (<c>host:port,password=…</c>); set, the token cache lives in Redis.</summary>
    public const string RedisConfigurationKey = "Redis:Configuration";

    /// <summary>The prefix of every key Reconnect writes to Redis (<c>Redis:InstanceName</c>).</summary>
    public const string RedisInstanceNameKey = "Redis:InstanceName";

    public static IHostApplicationBuilder AddIdentity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<MailboxDirectory>();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddSingleton<MailboxReadingCache>();

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
        var redis = builder.Configuration[RedisConfigurationKey];
        if (!string.IsNullOrWhiteSpace(redis)
            || string.Equals(builder.Configuration[TokenCacheProviderKey], "Distributed", StringComparison.OrdinalIgnoreCase))
        {
            // Redis when Redis:Configuration is set; otherwise whatever IDistributedCache the host
            // registers, or the in-memory one, which keeps a single instance working. Entries are
            // encrypted with Data Protection by default (TokenCache:Encrypt), so with Redis the key
            // ring lives there too: every instance, and the next start, can read what another wrote.
            builder.Services.AddDistributedMemoryCache();
            if (!string.IsNullOrWhiteSpace(redis))
            {
                builder.AddRedisTokenCacheStore(redis);
            }

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

    /// <summary>The distributed cache and the Data Protection key ring in Redis, over one shared connection.</summary>
    private static void AddRedisTokenCacheStore(this IHostApplicationBuilder builder, string configuration)
    {
        var prefix = builder.Configuration[RedisInstanceNameKey] is { Length: > 0 } name ? name : "reconnect:";
        // Connected on first use, not while the host is being built.
        var connection = new Lazy<StackExchange.Redis.IConnectionMultiplexer>(() => StackExchange.Redis.ConnectionMultiplexer.Connect(configuration));
        builder.Services.AddStackExchangeRedisCache(options =>
        {
            options.InstanceName = prefix;
            options.ConnectionMultiplexerFactory = () => Task.FromResult(connection.Value);
        });
        builder.Services.AddDataProtection()
            .SetApplicationName("Reconnect")
            .PersistKeysToStackExchangeRedis(() => connection.Value.GetDatabase(), prefix + "data-protection-keys");
    }
}
