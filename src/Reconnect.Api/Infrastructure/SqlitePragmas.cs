using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Reconnect.Api.Infrastructure;

/// <summary>
/// Per-connection SQLite settings. In WAL mode, synchronous=NORMAL keeps every committed
/// transaction across a killed process (only a power cut can lose the last ones) and saves an
/// fsync per page committed by the sync; an 8 MB page cache keeps the index's B-trees in memory
/// while a sync inserts into them, and checkpointing every 4,000 pages rather than 1,000 stops
/// each committed delta page from paying for a checkpoint.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // Pooled connections keep their settings: only a connection SQLite has just opened needs them,
    // which saves a statement on every query the read endpoints make.
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            if (Configured.TryGetValue(handle, out _))
            {
                return;
            }

            Configured.AddOrUpdate(handle, handle);
        }

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-8192; PRAGMA wal_autocheckpoint=4000;";
        command.ExecuteNonQuery();
    }
}
