using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Reconnect.Api.Infrastructure;

/// <summary>
/// Multi-row INSERT statements for the sync's hot path, where EF's change tracking costs more
/// than the database. Plain SQL that SQLite and PostgreSQL both accept, chunked well under both
/// engines' parameter limits, run on the context's connection and current transaction.
/// </summary>
internal static class BatchSql
{
    private const int MaxParameters = 900;

    /// <summary>
    /// Inserts <paramref name="rows"/> into <paramref name="table"/>; <paramref name="onConflict"/>
    /// (e.g. <c>ON CONFLICT (...) DO UPDATE SET ...</c>) is appended to each statement.
    /// </summary>
    public static async Task InsertAsync(DbContext db, string table, string[] columns, IReadOnlyCollection<object?[]> rows, string onConflict, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        // SQLite is fastest re-running one prepared single-row statement; a server database
        // is fastest with few round trips, so it gets rows in multi-row statements.
        var rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, MaxParameters / columns.Length);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var prepared = 0;
        foreach (var chunk in rows.Chunk(rowsPerStatement))
        {
            if (chunk.Length != prepared)
            {
                Prepare(command, table, columns, chunk.Length, onConflict);
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
    /// Reads the rows whose key is one of <paramref name="keys"/>: <paramref name="sql"/> selects by
    /// <c>@p0</c> (the mailbox) and <c>@p1</c> (one key). SQLite answers a prepared point lookup per key
    /// faster than one query with a thousand parameters.
    /// </summary>
    public static async Task<List<T>> LookupAsync<T>(DbContext db, string sql, int mailboxId, IEnumerable<string> keys, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var results = new List<T>();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        var mailbox = command.CreateParameter();
        mailbox.ParameterName = "@p0";
        mailbox.Value = mailboxId;
        var key = command.CreateParameter();
        key.ParameterName = "@p1";
        command.Parameters.Add(mailbox);
        command.Parameters.Add(key);
        foreach (var value in keys)
        {
            key.Value = value;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                results.Add(read(reader));
            }
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

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        foreach (var row in rows)
        {
            if (command.Parameters.Count == 0)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = $"@p{i}";
                    command.Parameters.Add(parameter);
                }
            }

            for (var i = 0; i < row.Length; i++)
            {
                command.Parameters[i].Value = ToDbValue(row[i]);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void Prepare(DbCommand command, string table, string[] columns, int rowCount, string onConflict)
    {
        var sql = new StringBuilder($"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ");
        command.Parameters.Clear();
        for (var row = 0; row < rowCount; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns.Length; column++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{(row * columns.Length) + column}";
                command.Parameters.Add(parameter);
                sql.Append(column == 0 ? parameter.ParameterName : ", " + parameter.ParameterName);
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(' ').Append(onConflict).ToString();
    }

    /// <summary>An upsert clause that overwrites every column but the key with the new row's values.</summary>
    public static string OverwriteOnConflict(string[] columns, int keyColumns) =>
        $"ON CONFLICT ({string.Join(", ", columns.Take(keyColumns).Select(c => $"\"{c}\""))}) DO UPDATE SET "
        + string.Join(", ", columns.Skip(keyColumns).Select(c => $"\"{c}\" = excluded.\"{c}\""));

    private static object ToDbValue(object? value) => value switch
    {
        null => DBNull.Value,
        Enum e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}
