using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Identity;
using Reconnect.Api.Infrastructure;

namespace Reconnect.Api.Sync;

internal static class SyncApi
{
    public static RouteGroupBuilder MapSync(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sync").WithTags("Sync");

        group.MapPost("/", StartSyncAsync)
            .WithName("StartSync")
            .WithSummary("Starts or resumes the signed-in user's mailbox sync")
            .WithDescription("Answers 202 at once; a sync already running is not started twice. Poll GET /api/sync for progress.")
            .RequireGraphSession();

        group.MapGet("/", GetSyncStatusAsync)
            .WithName("GetSyncStatus")
            .WithSummary("The state and progress of the signed-in user's mailbox sync");

        return group;
    }

    private static async Task<Accepted<SyncStatus>> StartSyncAsync(CurrentUser user, MailboxSyncRunner runner, ReconnectDbContext db, CancellationToken cancellationToken)
    {
        var mailboxId = await user.GetMailboxIdAsync(cancellationToken);
        await runner.StartAsync(mailboxId, user.Identity, cancellationToken);
        return TypedResults.Accepted("/api/sync", await ReadStatusAsync(db, mailboxId, cancellationToken));
    }

    private static async Task<Ok<SyncStatus>> GetSyncStatusAsync(CurrentUser user, ReconnectDbContext db, CancellationToken cancellationToken)
    {
        var mailboxId = await user.GetMailboxIdAsync(cancellationToken);
        return TypedResults.Ok(await ReadStatusAsync(db, mailboxId, cancellationToken));
    }

    private static async Task<SyncStatus> ReadStatusAsync(ReconnectDbContext db, int mailboxId, CancellationToken cancellationToken)
    {
        var sync = await db.MailboxSyncs.AsNoTracking().FirstOrDefaultAsync(s => s.MailboxId == mailboxId, cancellationToken);
        return sync is null ? SyncStatus.Idle : SyncStatus.From(sync);
    }
}

/// <summary>The sync's state and progress, as design.md's contract gives it.</summary>
public sealed record SyncStatus(
    string State,
    long MessagesProcessed,
    long MessagesEstimated,
    long ItemsSkipped,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    string? Error)
{
    public static readonly SyncStatus Idle = new("idle", 0, 0, 0, null, null, null);

    internal static SyncStatus From(MailboxSync sync) => new(
        sync.State.ToString().ToLowerInvariant(),
        sync.MessagesProcessed,
        sync.MessagesEstimated,
        sync.ItemsSkipped,
        sync.StartedAt,
        sync.CompletedAt,
        sync.Error);
}
