using Microsoft.EntityFrameworkCore;

namespace Reconnect.Api.Infrastructure;

internal static class StorageExtensions
{
    /// <summary>
    /// The database: <c>Database:Provider</c> (<c>Sqlite</c>, the default, or <c>PostgreSQL</c>) and
    /// <c>ConnectionStrings:Reconnect</c>, which PostgreSQL requires and SQLite defaults to a file in the data folder.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .PostConfigure(options => options.DataFolder = Path.GetFullPath(options.DataFolder, builder.Environment.ContentRootPath))
            .ValidateOnStart();

        // The options are built once (optionsLifetime Singleton), not per request scope: building
        // them cost a read request about as much as its ranking.
        var provider = DatabaseProviders.Parse(builder.Configuration[DatabaseProviders.SettingName]);
        var connectionString = builder.Configuration.GetConnectionString("Reconnect");
        if (provider == DatabaseProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is PostgreSQL but ConnectionStrings:Reconnect is not set (e.g. \"Host=127.0.0.1;Database=reconnect;Username=reconnect;Password=...\").");
            }

            builder.Services.AddDbContext<ReconnectDbContext, PostgreSqlReconnectDbContext>(options => options.UseNpgsql(connectionString), optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                var folder = Path.GetFullPath(builder.Configuration[$"{StorageOptions.SectionName}:DataFolder"] ?? "App_Data", builder.Environment.ContentRootPath);
                Directory.CreateDirectory(folder);
                connectionString = $"Data Source={Path.Combine(folder, "reconnect.db")}";
            }

            builder.Services.AddDbContext<ReconnectDbContext>(options => options.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()), optionsLifetime: ServiceLifetime.Singleton);
        }

        builder.Services.AddSingleton(new MailboxChanges(everyChangeIsLocal: provider == DatabaseProvider.Sqlite));
        builder.Services.AddHostedService<DatabaseMigrator>();
        if (provider == DatabaseProvider.PostgreSql)
        {
            // After the migrator: hosted services start in order, and the database exists by then.
            builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<MailboxChangeListener>(services, connectionString!));
        }

        builder.Services.AddHealthChecks().AddDbContextCheck<ReconnectDbContext>("database");
        return builder;
    }

    /// <summary>Brings the schema up to date before the app serves requests.</summary>
    // REVIEW: migrating on start suits a single instance and the demo; a fleet should migrate in its deployment
    // step. On PostgreSQL, instances starting together serialise on the migrations lock EF Core 9+ takes.
    private sealed class DatabaseMigrator(IServiceScopeFactory scopes) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReconnectDbContext>();
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // WAL lets the pane read while a sync writes; it is also what makes synchronous=NORMAL
                // (set on each connection) safe: a killed process loses no committed page.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

internal static class DatabaseProviders
{
    /// <summary><c>{ "Database": { "Provider": "Sqlite" | "PostgreSQL" } }</c></summary>
    public const string SettingName = "Database:Provider";

    public static DatabaseProvider Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
        _ => throw new InvalidOperationException($"Database:Provider '{value}' is not supported: use Sqlite or PostgreSQL."),
    };
}
