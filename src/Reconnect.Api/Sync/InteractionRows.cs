using Reconnect.Api.Infrastructure;
using Reconnect.Core.Correspondence;
using Reconnect.Core.People;

namespace Reconnect.Api.Sync;

/// <summary>Rows of the <see cref="Interaction"/> table, as both index writers insert them with <see cref="BatchSql"/>.</summary>
internal static class InteractionRows
{
    public static readonly string[] Columns = ["MailboxId", "SourceId", "Address", "Kind", "Direction", "Date", "GroupSize", "Bulk"];

    public static object?[] Row(int mailboxId, long sourceId, string address, InteractionKind kind, Direction direction, DateTime date, int groupSize, BulkSignals bulk) =>
        [mailboxId, sourceId, address, kind, direction, date, groupSize, bulk];

    public static Task InsertAsync(ReconnectDbContext db, IReadOnlyCollection<object?[]> rows, CancellationToken cancellationToken) =>
        BatchSql.InsertAsync(db, "Interactions", Columns, rows, string.Empty, cancellationToken);
}
