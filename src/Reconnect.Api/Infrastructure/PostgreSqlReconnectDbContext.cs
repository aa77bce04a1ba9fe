using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Reconnect.Api.Infrastructure;

/// <summary>
/// <see cref="ReconnectDbContext"/> on PostgreSQL (Npgsql): the same model, with its own
/// migrations in <c>Infrastructure/Migrations/PostgreSql</c> (see the base class for the command).
/// </summary>
public sealed class PostgreSqlReconnectDbContext(DbContextOptions<PostgreSqlReconnectDbContext> options) : ReconnectDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Byte-order comparison, as SQLite does: addresses sort and compare the same on both
        // engines whatever locale the server was initialised with.
        configurationBuilder.Properties<string>().UseCollation("C");
    }
}

/// <summary>
/// Lets <c>dotnet ef migrations add --context PostgreSqlReconnectDbContext</c> build the model without
/// a server or the app's configuration; the connection string is never opened.
/// </summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlReconnectDbContext>
{
    public PostgreSqlReconnectDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlReconnectDbContext>().UseNpgsql("Host=localhost;Database=reconnect_design").Options);
}

/// <summary>
/// The SQLite counterpart of <see cref="PostgreSqlDesignTimeFactory"/>: without it the tools would
/// build <see cref="ReconnectDbContext"/> through the PostgreSQL factory, its subclass's.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<ReconnectDbContext>
{
    public ReconnectDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ReconnectDbContext>().UseSqlite("Data Source=reconnect-design.db").Options);
}
