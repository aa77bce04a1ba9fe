using Npgsql;

namespace Reconnect.Api.Tests.Support;

/// <summary>
/// The real servers the provider, multi-instance and token-cache tests need, named by environment
/// variables. Missing or unreachable, the tests fail (never skip) with the way to start them.
/// </summary>
internal static class TestServers
{
    public const string PostgresVariable = "RECONNECT_TEST_POSTGRES";
    public const string RedisVariable = "RECONNECT_TEST_REDIS";

    public const string HowToStart = """
        These tests need PostgreSQL and Redis on loopback. On Debian or Ubuntu:
          sudo apt-get install -y postgresql redis-server
          sudo pg_ctlcluster 15 main start     # or: sudo service postgresql start
          sudo -u postgres psql -c "ALTER USER postgres PASSWORD 'postgres';"
          redis-server --daemonize yes --bind 127.0.0.1
          export RECONNECT_TEST_POSTGRES="Host=127.0.0.1;Username=postgres;Password=postgres"
          export RECONNECT_TEST_REDIS="127.0.0.1:6379"
        (.ci/run does exactly this.) The PostgreSQL user must be allowed to create databases.
        """;

    /// <summary>A connection string to the server (any database; one is created per test).</summary>
    public static string Postgres => Require(PostgresVariable);

    public static string Redis => Require(RedisVariable);

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set.\n{HowToStart}");
}

/// <summary>A fresh, empty PostgreSQL database, dropped on dispose.</summary>
internal sealed class PostgresTestDatabase : IDisposable
{
    public PostgresTestDatabase()
    {
        var admin = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = "postgres", Pooling = false };
        Name = $"reconnect_test_{Guid.NewGuid():N}";
        ConnectionString = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = Name }.ConnectionString;
        _adminConnectionString = admin.ConnectionString;
        Execute($"CREATE DATABASE \"{Name}\" TEMPLATE template0 ENCODING 'UTF8'");
    }

    private readonly string _adminConnectionString;

    public string Name { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        try
        {
            using var connection = new NpgsqlConnection(_adminConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
        catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL at {TestServers.PostgresVariable} could not run \"{sql}\": {exception.Message}\n{TestServers.HowToStart}", exception);
        }
    }
}
