using Microsoft.Extensions.Configuration;
using Npgsql;
using Reconnect.Api.Infrastructure;

namespace Reconnect.Benchmarks;

/// <summary>
/// Where a benchmark keeps its data: <c>--provider Sqlite</c> (a file in the temp folder, the
/// default) or <c>--provider PostgreSQL</c> (a database of its own on the server that
/// <c>--connection</c>, else <c>RECONNECT_BENCH_POSTGRES</c>, else <c>RECONNECT_TEST_POSTGRES</c> names).
/// </summary>
internal sealed class BenchDatabase
{
    private BenchDatabase(DatabaseProvider provider, string connectionString, string description)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Description = description;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>What to print: the file, or the server and database (never the password).</summary>
    public string Description { get; }

    public static BenchDatabase For(Arguments arguments, string name)
    {
        var provider = DatabaseProviders.Parse(arguments.String("provider"));
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), name + ".db");
            return new BenchDatabase(provider, $"Data Source={file}", "SQLite " + file);
        }

        var server = arguments.String("connection")
            ?? Environment.GetEnvironmentVariable("RECONNECT_BENCH_POSTGRES")
            ?? Environment.GetEnvironmentVariable("RECONNECT_TEST_POSTGRES")
            ?? throw new InvalidOperationException("PostgreSQL needs a server: --connection \"Host=127.0.0.1;Username=postgres;Password=...\" or RECONNECT_BENCH_POSTGRES.");
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new BenchDatabase(provider, builder.ConnectionString, $"PostgreSQL {builder.Host}:{builder.Port}/{name}");
    }

    /// <summary>The settings that point the API's storage (<c>AddStorage</c>) here.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new(DatabaseProviders.SettingName, Provider == DatabaseProvider.PostgreSql ? "PostgreSQL" : "Sqlite"),
        new("ConnectionStrings:Reconnect", ConnectionString),
    ];

    public void ApplyTo(IConfiguration configuration)
    {
        foreach (var (key, value) in Settings)
        {
            configuration[key] = value;
        }
    }

    /// <summary>Removes the database (the file with its WAL, or the PostgreSQL database).</summary>
    public async Task DropAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = builder.Database;
        builder.Database = "postgres";
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
