using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.Sync;

namespace Reconnect.Api.Tests.Support;

/// <summary>
/// The app's clock as a <see cref="FakeTimeProvider"/> that only the test moves, so the scheduler's
/// ticks, and what it finds due, follow the test and never the wall clock.
/// </summary>
internal sealed class SchedulerClock
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    /// <summary>For the application's <c>services</c> hook.</summary>
    public void Install(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Time);
    }

    /// <summary>
    /// Moves the clock by <paramref name="by"/> (at least one scheduler tick) and returns once the
    /// scheduler has looked at the new time and started every sync it found due.
    /// </summary>
    public async Task AdvanceAsync(IServiceProvider services, TimeSpan by)
    {
        var scheduler = services.GetRequiredService<SyncScheduler>();
        // Its first look, at start-up, judges the time before the move: wait it out.
        await UntilAsync(() => scheduler.LookedAt > DateTime.MinValue, "The scheduler never looked at all");
        Time.Advance(by);
        var now = Now;
        await UntilAsync(() => scheduler.LookedAt >= now, $"The scheduler never looked at {now:O}");
    }

    /// <summary>
    /// Moves the clock like <see cref="AdvanceAsync"/>, expects the scheduler to have started the
    /// client's user's sync at the new time, and returns how that sync ended.
    /// </summary>
    public async Task<SyncStatus> AdvanceToScheduledSyncAsync(IServiceProvider services, HttpClient client, TimeSpan by)
    {
        await AdvanceAsync(services, by);
        var status = await SyncPolling.WhileRunningAsync(client);
        Assert.True(status.StartedAt == Now, $"No sync was scheduled at {Now:O}: {status}");
        return status;
    }

    /// <summary>The sync rows as they stand.</summary>
    public static async Task<List<MailboxSync>> RowsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReconnectDbContext>().MailboxSyncs.AsNoTracking().OrderBy(s => s.MailboxId).ToListAsync();
    }

    public static async Task UntilAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20);
        }
    }
}
