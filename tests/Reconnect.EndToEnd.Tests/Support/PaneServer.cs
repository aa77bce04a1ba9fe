using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Reconnect.EndToEnd.Tests.Support;

/// <summary>
/// The real API on Kestrel, in Development with the demo user, whose mailbox is the sample
/// fixture served by the in-process Graph simulator, and "now" fixed at 2026-11-26 so Crystal Cory
/// is stale and Sam Patel is not. Each instance has its own database, so tests share nothing.
/// </summary>
internal sealed class PaneServer : WebApplicationFactory<Program>
{
    public const string ClockNow = "2026-11-26T00:00:00Z";

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("reconnect-e2e-").FullName;

    private readonly string _mailboxPath;

    private PaneServer(string? mailboxPath)
    {
        _mailboxPath = mailboxPath ?? Path.Combine(AppContext.BaseDirectory, "fixtures", "sample-mailbox");
        UseKestrel(0);
    }

    /// <summary>The origin the browser opens, e.g. http://127.0.0.1:41234.</summary>
    public string Origin { get; private set; } = "";

    /// <summary>Starts the API on the sample mailbox, or on another fixture folder.</summary>
    public static PaneServer Start(string? mailboxPath = null)
    {
        var server = new PaneServer(mailboxPath);
        server.StartServer();
        var addresses = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server.Origin = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return server;
    }

    /// <summary>An HttpClient on the same server, for asking the API what the pane should show.</summary>
    public HttpClient CreateApiClient() => new() { BaseAddress = new Uri(Origin) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var settings = new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:MailboxPath"] = _mailboxPath,
            ["Storage:DataFolder"] = _dataFolder,
            ["Clock:Now"] = ClockNow,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
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
            // A file still held open by a pool is left to the OS's temp cleanup.
        }
    }
}
