using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Reconnect.Api.Infrastructure;

namespace Reconnect.Api.Tests.Identity;

/// <summary>
/// Every row stored for one mailbox, table by table, read through the model's own list of entity
/// types: a table added later is covered without anyone remembering to add it here.
/// </summary>
internal static class UserRows
{
    /// <summary>Tables that hold no per-user data (none yet); anything else must point at a mailbox.</summary>
    private static readonly HashSet<string> SharedTables = ["__EFMigrationsHistory"];

    public static async Task<int?> FindMailboxIdAsync(IServiceProvider services, TestUser user)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconnectDbContext>();
        return await db.Mailboxes.Where(m => m.TenantId == user.TenantId && m.ObjectId == user.ObjectId)
            .Select(m => (int?)m.Id).FirstOrDefaultAsync();
    }

    /// <summary>Table name → the mailbox's rows in it, each row its column values joined, sorted.</summary>
    public static async Task<Dictionary<string, List<string>>> ReadAsync(IServiceProvider services, int mailboxId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconnectDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var rows = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null || SharedTables.Contains(table) || rows.ContainsKey(table))
            {
                continue;
            }

            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var key = entity.ClrType == typeof(Mailbox)
                ? entity.FindProperty(nameof(Mailbox.Id))!
                : entity.FindProperty("MailboxId")
                  ?? throw new Xunit.Sdk.XunitException(
                      $"{entity.DisplayName()} ({table}) has no MailboxId: per-user data must point at the user's mailbox "
                      + "(so DELETE /api/me erases it and queries can filter by it), or be listed in UserRows.SharedTables.");
            rows[table] = await SelectAsync(connection, table, key.GetColumnName(store)!, mailboxId);
        }

        return rows;
    }

    /// <summary>Tables in which the mailbox has rows.</summary>
    public static IReadOnlyList<string> NonEmpty(Dictionary<string, List<string>> rows) =>
        [.. rows.Where(r => r.Value.Count > 0).Select(r => r.Key).Order(StringComparer.Ordinal)];

    private static async Task<List<string>> SelectAsync(DbConnection connection, string table, string column, int mailboxId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{column}\" = $id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$id";
        parameter.Value = mailboxId;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
