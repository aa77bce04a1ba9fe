using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

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

        var provider = DatabaseProviders.Parse(builder.Configuration[DatabaseProviders.SettingName]);
        var connectionString = builder.Configuration.GetConnectionString("Reconnect");
        // Either way the options are built once (optionsLifetime Singleton), not per request scope:
        // building them cost a read request about as much as its ranking.
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

        builder.Services.AddSingleton(services => new MailboxChanges(everyChangeIsLocal: provider == DatabaseProvider.Sqlite, services.GetRequiredService<ILogger<MailboxChanges>>()));
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
    // step. On PostgreSQL, instances starting together take turns (see MigratePostgreSqlAsync).
    private sealed class DatabaseMigrator(IServiceScopeFactory scopes) : IHostedService
    {
        // Any fixed number: the key of the session lock instances migrating one database take turns on.
        private const long MigrationLockKey = 0x5265636F6E6E6563; // "Reconnec"

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReconnectDbContext>();
            if (db.Database.IsNpgsql())
            {
                await MigratePostgreSqlAsync(db, cancellationToken);
                return;
            }

            await db.Database.MigrateAsync(cancellationToken);
            // WAL lets the pane read while a sync writes; it is also what makes synchronous=NORMAL
            // (set on each connection) safe: a killed process loses no committed page.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        /// <summary>
        /// EF Core's own migration lock on PostgreSQL lives in each migration's transaction, so two
        /// instances starting on a fresh database can interleave between migrations and apply one
        /// twice (seen in a test: "index … does not exist"). A session advisory lock around the whole
        /// run makes them take turns; the second then finds nothing left to apply. The lock goes with
        /// its session, so an instance that dies while migrating does not hold the others up.
        /// </summary>
        private static async Task MigratePostgreSqlAsync(ReconnectDbContext db, CancellationToken cancellationToken)
        {
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(cancellationToken))
            {
                try
                {
                    await creator.CreateAsync(cancellationToken);
                }
                catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
                {
                    // Another instance created it first (PostgreSQL reports the race either way).
                }
            }

            var session = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString;
            await using var connection = new NpgsqlConnection(session);
            await connection.OpenAsync(cancellationToken);
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", connection))
            {
                await take.ExecuteNonQueryAsync(cancellationToken);
            }

            await db.Database.MigrateAsync(cancellationToken);
        }
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
