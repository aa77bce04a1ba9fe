namespace Reconnect.Api.Sync;

/// <summary>
/// How many times in a row each mailbox's sync has failed, as this instance has watched its row:
/// every failure leaves a new <c>CompletedAt</c>, and the scheduler looks far more often than a
/// failed mailbox is retried, so each one is seen. A mailbox that is neither failed nor running has
/// recovered (or is gone) and is forgotten.
/// </summary>
/// <remarks>
/// The row keeps only the latest outcome, so the count lives in memory: every instance counts the
/// same failures, but a restart starts again from one (the first retry after it comes after the
/// first backoff). An exact count across restarts would need a column.
/// </remarks>
internal sealed class FailureStreaks
{
    private readonly Dictionary<int, (DateTime FailedAt, int Count)> _streaks = [];

    /// <summary>Counts new failures among the failed rows and forgets every mailbox not in <paramref name="unsettled"/>.</summary>
    /// <param name="failed">Each failed mailbox and when it failed.</param>
    /// <param name="unsettled">Every mailbox whose row is failed or running (a retry under way keeps its count).</param>
    public void Observe(IEnumerable<(int MailboxId, DateTime FailedAt)> failed, IReadOnlySet<int> unsettled)
    {
        foreach (var mailboxId in _streaks.Keys.Where(id => !unsettled.Contains(id)).ToList())
        {
            _streaks.Remove(mailboxId);
        }

        foreach (var (mailboxId, failedAt) in failed)
        {
            _streaks[mailboxId] = _streaks.TryGetValue(mailboxId, out var streak)
                ? (failedAt, streak.FailedAt == failedAt ? streak.Count : streak.Count + 1)
                : (failedAt, 1);
        }
    }

    /// <summary>The failures in a row of a mailbox seen failed; one if it was never observed.</summary>
    public int Count(int mailboxId) => _streaks.TryGetValue(mailboxId, out var streak) ? streak.Count : 1;
}
