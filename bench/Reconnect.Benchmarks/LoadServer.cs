using System.Runtime;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Reconnect.Benchmarks;

/// <summary>
/// The API under load, in a process of its own (started by <see cref="LoadBenchmark"/>): the real
/// app on Kestrel in Production, with Microsoft.Identity.Web validating every bearer token. The only
/// change is where the signing key comes from: a static OpenID configuration holding the
/// benchmark's key instead of Entra ID's metadata endpoint. Everything else (database, clock,
/// tenant) comes from the environment the parent sets.
/// </summary>
/// <remarks>
/// The factory only needs a type from the API's assembly to find its entry point; the API's own
/// <c>Program</c> is hidden here by this program's, so a public type beside it stands in.
/// </remarks>
internal sealed class LoadServer : WebApplicationFactory<Reconnect.Api.Infrastructure.StorageOptions>
{
    public const string ReadyLine = "API ";

    /// <summary>The environment variable that carries the signing key's public half.</summary>
    public const string SigningKeyVariable = "RECONNECT_LOAD_SIGNING_KEY";

    private readonly SecurityKey _signingKey;

    private LoadServer(SecurityKey signingKey)
    {
        _signingKey = signingKey;
        UseKestrel(0);
    }

    /// <summary>The child's entry point: serve until stdin closes.</summary>
    public static async Task<int> ServeAsync()
    {
        var key = BenchTokens.KeyFrom(Environment.GetEnvironmentVariable(SigningKeyVariable)
            ?? throw new InvalidOperationException($"{SigningKeyVariable} is not set: run the 'load' command, which starts this one."));
        // The factory would look for the project beside the solution file, which is not where it is.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_RECONNECT_API", ContentRoot());
        await using var server = new LoadServer(key);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var origin = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        await BenchChild.ServeUntilStdinClosesAsync($"{ReadyLine}{origin} {(GCSettings.IsServerGC ? "server" : "workstation")}-gc");
        return 0;
    }

    /// <summary>The API project's folder (its wwwroot included) when run from a clone, else the settings copied beside this program.</summary>
    private static string ContentRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var project = Path.Combine(folder.FullName, "src", "Reconnect.Api");
            if (File.Exists(Path.Combine(project, "Reconnect.Api.csproj")))
            {
                return project;
            }
        }

        return AppContext.BaseDirectory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.ConfigureTestServices(services =>
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = BenchTokens.Instance + "{tenantid}/v2.0" };
                configuration.SigningKeys.Add(_signingKey);
                options.Configuration = configuration;
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            }));
    }
}
