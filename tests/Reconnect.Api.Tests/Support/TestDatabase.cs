using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Infrastructure;

namespace Reconnect.Api.Tests.Support;

/// <summary>A migrated SQLite database in memory, alive as long as this object.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public TestDatabase()
    {
        _connection.Open();
        using var db = CreateContext();
        db.Database.Migrate();
    }

    public ReconnectDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<ReconnectDbContext>().UseSqlite(_connection).Options);

    public void Dispose() => _connection.Dispose();
}
