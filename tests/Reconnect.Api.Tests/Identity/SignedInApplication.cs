using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Web;
using Microsoft.Identity.Web.TokenCacheProviders;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Reconnect.Api.Sync;

namespace Reconnect.Api.Tests.Identity;

/// <summary>
/// The API as deployed (Production, no demo, Microsoft.Identity.Web validating tokens), except that
/// the signing key comes from a static OpenID configuration, Entra ID's token endpoint is a
/// <see cref="FakeTokenAcquisition"/>, and Graph is whatever <paramref name="graphBaseUrl"/> says
/// (a simulator, or an unroutable host when the test never reaches Graph).
/// </summary>
internal sealed class SignedInApplication(
    string tenantId = TestTokens.HomeTenant,
    string? graphBaseUrl = null,
    IDictionary<string, string?>? settings = null,
    bool fakeTokenCache = true,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public static readonly Uri BaseAddress = new("https://reconnect.example");

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("reconnect-identity-test-").FullName;

    public FakeTokenAcquisition Tokens { get; } = new();

    public RecordingTokenCache TokenCache { get; } = new();

    /// <summary>A client that sends <paramref name="token"/> as its bearer token (none when null).</summary>
    public HttpClient ClientWith(string? token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseAddress, AllowAutoRedirect = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public HttpClient ClientFor(TestUser user) => ClientWith(user.Token);

    /// <summary>Starts the user's sync and waits until it is no longer running.</summary>
    public static async Task<SyncStatus> SyncAsync(HttpClient client)
    {
        var started = await client.PostAsync("/api/sync", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, started.StatusCode);
        return await Support.SyncPolling.WhileRunningAsync(client, TimeSpan.FromMinutes(1));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var values = new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            ["AzureAd:Instance"] = TestTokens.Instance,
            ["AzureAd:TenantId"] = tenantId,
            ["AzureAd:ClientId"] = TestTokens.ClientId,
            ["Graph:BaseUrl"] = graphBaseUrl ?? "https://graph.invalid/v1.0",
            ["Storage:DataFolder"] = _dataFolder,
            ["Logging:LogLevel:Default"] = "Warning",
            ["RateLimiting:PermitsPerMinute"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        foreach (var (key, value) in values)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(testServices =>
        {
            // Offline: the signing key of a static OpenID configuration, never a metadata download.
            testServices.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = TestTokens.Instance + "{tenantid}/v2.0" };
                configuration.SigningKeys.Add(TestTokens.SigningKey);
                options.Configuration = configuration;
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            });
            testServices.RemoveAll<ITokenAcquisition>();
            testServices.AddSingleton<ITokenAcquisition>(Tokens);
            if (fakeTokenCache)
            {
                testServices.RemoveAll<IMsalTokenCacheProvider>();
                testServices.AddSingleton<IMsalTokenCacheProvider>(TokenCache);
            }

            services?.Invoke(testServices);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleanup.
        }
    }
}
