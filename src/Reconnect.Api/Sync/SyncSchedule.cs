namespace Reconnect.Api.Sync;

/// <summary>
/// When a mailbox is next due, from nothing but its sync row, so every instance sharing the
/// database reaches the same answer without talking to the others.
/// </summary>
internal static class SyncSchedule
{
    /// <summary>
    /// Each mailbox waits its interval plus its own fixed share of up to this much of it. Mailboxes
    /// that synced together (a rollout morning, a restart after downtime) fan out over a tenth of
    /// the interval on the next round, and further each round after, since their periods differ,
    /// instead of reaching Graph as one burst every interval for ever.
    /// </summary>
    public const double Spread = 0.1;

    /// <summary>
    /// The mailbox's place in the spread, in [0, 1): Knuth's multiplicative hash, which spaces
    /// consecutive ids (the usual case: rows created one after another) evenly over the range.
    /// </summary>
    public static double Jitter(int mailboxId) => unchecked((uint)mailboxId * 2654435761u) / 4294967296.0;

    /// <summary>When a mailbox whose last sync completed at <paramref name="completedAt"/> is synced again.</summary>
    public static DateTime NextRefresh(int mailboxId, DateTime completedAt, TimeSpan interval) =>
        completedAt + Stretch(mailboxId, interval);

    /// <summary>
    /// When a mailbox whose sync failed at <paramref name="failedAt"/>, the last of
    /// <paramref name="failuresInARow"/> failures, is tried again: the first backoff, doubled per
    /// further failure up to the cap, spread like a refresh so an outage's failures do not retry in step.
    /// </summary>
    public static DateTime NextRetry(int mailboxId, DateTime failedAt, int failuresInARow, SyncOptions options) =>
        failedAt + Stretch(mailboxId, Backoff(failuresInARow, options.FailureBackoff, options.MaxFailureBackoff));

    public static TimeSpan Backoff(int failuresInARow, TimeSpan first, TimeSpan max)
    {
        // Past 2^20 doublings every sane cap has long been reached; the bound keeps the arithmetic finite.
        var doublings = Math.Clamp(failuresInARow - 1, 0, 20);
        return TimeSpan.FromTicks(Math.Min(max.Ticks, first.Ticks * (1L << doublings)));
    }

    private static TimeSpan Stretch(int mailboxId, TimeSpan delay) => delay * (1 + (Spread * Jitter(mailboxId)));
}
