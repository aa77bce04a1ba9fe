using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using Reconnect.Api.Infrastructure;

namespace Reconnect.Benchmarks;

/// <summary>
/// Bulk inserts of entities for seeding, with tables, columns and value conversions read from the
/// product's EF model, so a seed follows the model wherever it goes: binary COPY on PostgreSQL,
/// the product's own prepared inserts (<see cref="BatchSql"/>) on SQLite. Runs on the context's
/// connection and current transaction.
/// </summary>
internal static class EntityCopy
{
    public static async Task InsertAsync<T>(ReconnectDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken = default)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        // Keys the database generates (identity columns) are left to it, as EF leaves them.
        var properties = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToArray();
        var columns = properties.Select(p => p.GetColumnName()).ToArray();
        var values = rows.Select(row => properties.Select(p =>
        {
            var value = p.PropertyInfo!.GetValue(row);
            return value is null ? null : p.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
        }).ToArray()).ToList();

        if (!db.Database.IsNpgsql())
        {
            await BatchSql.InsertAsync(db, table, columns, values, string.Empty, cancellationToken);
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in values)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var value in row)
            {
                await WriteAsync(writer, value, cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    // Binary COPY carries no type names, so each value is written as the column type it maps to.
    private static Task WriteAsync(NpgsqlBinaryImporter writer, object? value, CancellationToken cancellationToken) => value switch
    {
        null => writer.WriteNullAsync(cancellationToken),
        string s => writer.WriteAsync(s, NpgsqlDbType.Text, cancellationToken),
        int i => writer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken),
        long l => writer.WriteAsync(l, NpgsqlDbType.Bigint, cancellationToken),
        bool b => writer.WriteAsync(b, NpgsqlDbType.Boolean, cancellationToken),
        double d => writer.WriteAsync(d, NpgsqlDbType.Double, cancellationToken),
        DateTime t => writer.WriteAsync(DateTime.SpecifyKind(t, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, cancellationToken),
        Enum e => writer.WriteAsync(Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Integer, cancellationToken),
        _ => throw new NotSupportedException($"No COPY mapping for {value.GetType().Name}."),
    };
}
