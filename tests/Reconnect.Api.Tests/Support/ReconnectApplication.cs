using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Reconnect.Api.Demo;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.Sync;

namespace Reconnect.Api.Tests.Support;

/// <summary>
/// The API in Development with the demo user, whose mailbox is a fixture served by the Graph
/// simulator over loopback HTTP and read through the real Graph SDK. Each instance has its own
/// database (a SQLite file, or a fresh PostgreSQL database dropped on dispose), so tests share nothing.
/// </summary>
internal sealed class ReconnectApplication(
    string mailboxPath,
    string? clockNow = "2026-11-26T00:00:00Z",
    string environment = "Development",
    IDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null,
    DatabaseProvider database = DatabaseProvider.Sqlite)
    : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("reconnect-test-").FullName;
    private readonly PostgresTestDatabase? _postgres = database == DatabaseProvider.PostgreSql ? new PostgresTestDatabase() : null;
    private readonly FakeLoggerProvider _log = new();

    public DemoMailboxHost DemoMailbox => Services.GetRequiredService<DemoMailboxHost>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        var values = new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:MailboxPath"] = mailboxPath,
            ["Storage:DataFolder"] = _dataFolder,
            ["Clock:Now"] = clockNow,
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests poll the sync status fast; the per-user limit has its own tests.
            ["RateLimiting:PermitsPerMinute"] = "100000",
        };
        if (_postgres is not null)
        {
            values["Database:Provider"] = "PostgreSQL";
            values["ConnectionStrings:Reconnect"] = _postgres.ConnectionString;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        // UseSetting, unlike ConfigureAppConfiguration, is visible while Program builds its services.
        foreach (var (key, value) in values)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(collection => collection.AddSingleton<ILoggerProvider>(_log));
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>
    /// Starts the app, which must refuse to start, and returns why: the exception and the errors it
    /// logged. WebApplicationFactory can lose the exception itself, when the app's own Run disposes the
    /// failed host before the factory looks at it; the host has logged the cause by then.
    /// </summary>
    public string RefusalToStart()
    {
        var error = Assert.ThrowsAny<Exception>(() => CreateClient());
        var logged = _log.Collector.GetSnapshot().Where(r => r.Level >= LogLevel.Error).Select(r => $"{r.Message} {r.Exception}");
        return string.Join('\n', logged.Prepend(error.ToString()));
    }

    /// <summary>Starts a sync and waits until it is no longer running; returns the final status.</summary>
    public async Task<SyncStatus> SyncAsync(HttpClient? client = null, TimeSpan? timeout = null)
    {
        client ??= CreateClient();
        var started = await client.PostAsync("/api/sync", null);
        started.EnsureSuccessStatusCode();
        return await SyncPolling.WhileRunningAsync(client, timeout);
    }

    /// <summary>Syncs, and fails the test with the sync's own error unless it completed.</summary>
    public async Task<SyncStatus> SyncToCompletionAsync(HttpClient? client = null)
    {
        var status = await SyncAsync(client);
        Assert.True(status.State == "completed", $"The sync ended {status.State}: {status.Error}");
        return status;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _postgres?.Dispose();
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
