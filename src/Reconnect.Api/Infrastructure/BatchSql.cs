using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Reconnect.Api.Infrastructure;

/// <summary>
/// Statements for the sync's hot path, where EF's change tracking and query compilation cost more
/// than the database's own work: inserts of many rows, and lookups of many keys in one statement
/// (the keys travel as one parameter: a JSON array read by <c>json_each</c> on SQLite, an array on
/// PostgreSQL). On SQLite, inserts step one prepared statement per row, bound by position; on
/// PostgreSQL, they are multi-row statements within its parameter limit, to save round trips.
/// All run on the context's connection and current transaction.
/// </summary>
internal static class BatchSql
{
    private const int MaxPostgreSqlParameters = 900;

    /// <summary>
    /// Inserts <paramref name="rows"/> into <paramref name="table"/>; <paramref name="onConflict"/>
    /// (e.g. <see cref="OverwriteOnConflict"/>) is appended to each statement.
    /// </summary>
    public static async Task InsertAsync(DbContext db, string table, string[] columns, IReadOnlyCollection<object?[]> rows, string onConflict, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var into = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) ";
        if (db.Database.IsSqlite())
        {
            // Opened here when no transaction holds it open already (EF closes it again only if it opened it).
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                var sqlite = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
                InsertIntoSqlite(sqlite, into + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"?{i + 1}"))}) {onConflict}", rows);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return;
        }

        await using var command = CreateCommand(db);
        var prepared = 0;
        foreach (var chunk in rows.Chunk(Math.Max(1, MaxPostgreSqlParameters / columns.Length)))
        {
            if (chunk.Length != prepared)
            {
                PrepareValues(command, into, columns.Length, chunk.Length, onConflict);
                prepared = chunk.Length;
            }

            for (var row = 0; row < chunk.Length; row++)
            {
                for (var column = 0; column < columns.Length; column++)
                {
                    command.Parameters[(row * columns.Length) + column].Value = ToDbValue(chunk[row][column]);
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Reads the rows of a mailbox whose <paramref name="keyColumn"/> is one of <paramref name="keys"/>, in
    /// one statement: <paramref name="select"/> is <c>SELECT … FROM "Table"</c>, the filter is added here.
    /// </summary>
    public static async Task<List<T>> LookupAsync<TKey, T>(DbContext db, string select, string keyColumn, int mailboxId, IReadOnlyCollection<TKey> keys, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var results = new List<T>();
        if (keys.Count == 0)
        {
            return results;
        }

        await using var command = CreateCommand(db);
        var sqlite = db.Database.IsSqlite();
        command.CommandText = $"{select} WHERE \"MailboxId\" = @mailbox AND \"{keyColumn}\" "
            + (sqlite ? "IN (SELECT value FROM json_each(@keys))" : "= ANY(@keys)");
        AddParameter(command, "@mailbox", mailboxId);
        AddParameter(command, "@keys", sqlite ? JsonSerializer.Serialize(keys) : keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(read(reader));
        }

        return results;
    }

    /// <summary>Runs one statement with parameters <c>@p0..@pN</c> once per row, prepared once.</summary>
    public static async Task ExecuteForEachAsync(DbContext db, string sql, IReadOnlyCollection<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = CreateCommand(db);
        command.CommandText = sql;
        foreach (var row in rows)
        {
            if (command.Parameters.Count == 0)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    AddParameter(command, $"@p{i}", null);
                }
            }

            for (var i = 0; i < row.Length; i++)
            {
                command.Parameters[i].Value = ToDbValue(row[i]);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// One statement prepared once and stepped per row, its values bound by position straight to
    /// SQLite: per row, Microsoft.Data.Sqlite's command would look every parameter up by name.
    /// It runs on the context's connection, so inside its current transaction.
    /// </summary>
    private static void InsertIntoSqlite(sqlite3 connection, string sql, IReadOnlyCollection<object?[]> rows)
    {
        Check(connection, raw.sqlite3_prepare_v2(connection, sql, out var statement));
        using (statement)
        {
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    Check(connection, row[i] switch
                    {
                        null => raw.sqlite3_bind_null(statement, i + 1),
                        string text => raw.sqlite3_bind_text(statement, i + 1, text),
                        int number => raw.sqlite3_bind_int64(statement, i + 1, number),
                        long number => raw.sqlite3_bind_int64(statement, i + 1, number),
                        bool flag => raw.sqlite3_bind_int64(statement, i + 1, flag ? 1 : 0),
                        Enum member => raw.sqlite3_bind_int64(statement, i + 1, Convert.ToInt64(member, CultureInfo.InvariantCulture)),
                        DateTime date => raw.sqlite3_bind_text(statement, i + 1, date.ToString(SqliteDateFormat, CultureInfo.InvariantCulture)),
                        var value => throw new NotSupportedException($"BatchSql cannot write a {value.GetType().Name} to SQLite."),
                    });
                }

                var done = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (done != raw.SQLITE_DONE)
                {
                    Check(connection, done);
                }
            }
        }
    }

    private static void Check(sqlite3 connection, int result) => SqliteException.ThrowExceptionForRC(result, connection);

    /// <summary>An upsert clause that overwrites every column but the key with the new row's values.</summary>
    public static string OverwriteOnConflict(string[] columns, int keyColumns) =>
        $"ON CONFLICT ({string.Join(", ", columns.Take(keyColumns).Select(c => $"\"{c}\""))}) DO UPDATE SET "
        + string.Join(", ", columns.Skip(keyColumns).Select(c => $"\"{c}\" = excluded.\"{c}\""));

    private static DbCommand CreateCommand(DbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = ToDbValue(value);
        command.Parameters.Add(parameter);
    }

    private static void PrepareValues(DbCommand command, string into, int columnCount, int rowCount, string onConflict)
    {
        var sql = new StringBuilder(into).Append("VALUES ");
        command.Parameters.Clear();
        for (var row = 0; row < rowCount; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columnCount; column++)
            {
                var name = $"@p{(row * columnCount) + column}";
                AddParameter(command, name, null);
                sql.Append(column == 0 ? name : ", " + name);
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(' ').Append(onConflict).ToString();
    }

    /// <summary>How Microsoft.Data.Sqlite and EF Core store a <see cref="DateTime"/>, so rows written here read back through EF like rows EF wrote.</summary>
    private const string SqliteDateFormat = "yyyy'-'MM'-'dd HH':'mm':'ss.FFFFFFF";

    private static object ToDbValue(object? value) => value switch
    {
        null => DBNull.Value,
        Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
        _ => value,
    };
}
