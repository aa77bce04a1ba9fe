using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Reconnect.Api.Infrastructure;

namespace Reconnect.Api.Sync;

/// <summary>
/// Degraded while any mailbox's latest sync failed, with when and why (the user-facing error, no
/// user or address): the API still serves, but someone's index is going stale.
/// </summary>
internal sealed class SyncHealthCheck(ReconnectDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failed = db.MailboxSyncs.AsNoTracking().Where(s => s.State == SyncState.Failed);
        var count = await failed.CountAsync(cancellationToken);
        if (count == 0)
        {
            return HealthCheckResult.Healthy("No mailbox's latest sync failed.");
        }

        var last = await failed.OrderByDescending(s => s.CompletedAt).Select(s => new { s.CompletedAt, s.Error }).FirstAsync(cancellationToken);
        return HealthCheckResult.Degraded(
            $"{count} mailbox sync(s) failed; the last at {last.CompletedAt:O}: {last.Error}",
            data: new Dictionary<string, object> { ["failedSyncs"] = count, ["lastFailureAt"] = last.CompletedAt ?? default });
    }
}
