using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Infrastructure;

namespace Reconnect.Api.Tests.Support;

/// <summary>
/// A migrated database alive as long as this object: SQLite in memory, or a fresh PostgreSQL
/// database (see <see cref="TestServers"/>) dropped on dispose.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly SqliteConnection? _sqlite;
    private readonly PostgresTestDatabase? _postgres;

    public TestDatabase(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            _postgres = new PostgresTestDatabase();
        }
        else
        {
            _sqlite = new SqliteConnection("Data Source=:memory:");
            _sqlite.Open();
        }

        using var db = CreateContext();
        db.Database.Migrate();
    }

    public ReconnectDbContext CreateContext() => _postgres is not null
        ? new PostgreSqlReconnectDbContext(new DbContextOptionsBuilder<PostgreSqlReconnectDbContext>().UseNpgsql(_postgres.ConnectionString).Options)
        : new ReconnectDbContext(new DbContextOptionsBuilder<ReconnectDbContext>().UseSqlite(_sqlite!).Options);

    /// <summary>Adds one mailbox with <paramref name="sync"/> as its sync row; returns the mailbox's id.</summary>
    public int AddMailbox(MailboxSync sync)
    {
        using var db = CreateContext();
        var mailbox = new Mailbox { TenantId = "t", ObjectId = "o" };
        db.Mailboxes.Add(mailbox);
        db.SaveChanges();
        sync.MailboxId = mailbox.Id;
        db.MailboxSyncs.Add(sync);
        db.SaveChanges();
        return mailbox.Id;
    }

    public void Dispose()
    {
        _sqlite?.Dispose();
        _postgres?.Dispose();
    }
}
