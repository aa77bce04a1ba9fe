using Reconnect.Api.Identity;
using Reconnect.Api.Infrastructure;

namespace Reconnect.Api.Sync;

/// <summary>A mailbox's sync row with the user its sync reads Graph as: what a sync nobody asked for needs to start.</summary>
internal sealed record SyncCandidate(int MailboxId, string TenantId, string ObjectId, string? DisplayName, SyncState State, DateTime? CompletedAt, string? Error, int ConsecutiveFailures)
{
    /// <summary>Known by tid + oid, which is all a background sync needs to find the user's on-behalf-of session.</summary>
    public UserIdentity User => new(TenantId, ObjectId, DisplayName);
}

internal static class SyncCandidates
{
    /// <summary>The syncs of mailboxes whose user has been seen since <paramref name="seenSince"/> (or before the last-seen date was kept); all of them when null.</summary>
    public static IQueryable<MailboxSync> OfUsersSeenSince(this IQueryable<MailboxSync> syncs, ReconnectDbContext db, DateTime? seenSince) =>
        seenSince is not { } since
            ? syncs
            : syncs.Where(s => db.Mailboxes.Any(m => m.Id == s.MailboxId && (m.LastSeenAt == null || m.LastSeenAt >= since)));

    public static IQueryable<SyncCandidate> WithOwners(this IQueryable<MailboxSync> syncs, ReconnectDbContext db) =>
        syncs.Join(db.Mailboxes, s => s.MailboxId, m => m.Id,
            (s, m) => new SyncCandidate(m.Id, m.TenantId, m.ObjectId, m.DisplayName, s.State, s.CompletedAt, s.Error, s.ConsecutiveFailures));
}
