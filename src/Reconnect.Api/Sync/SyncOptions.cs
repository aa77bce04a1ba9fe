using System.ComponentModel.DataAnnotations;

namespace Reconnect.Api.Sync;

/// <summary>
/// The sync's lease and its scheduler. Bound from:
/// <code>
/// "Sync": { "LeaseSeconds": 30, "RefreshInterval": "01:00:00", "MaxConcurrentSyncs": 4,
///           "FailureBackoff": "00:05:00", "MaxFailureBackoff": "06:00:00", "DormantAfter": "90.00:00:00" }
/// </code>
/// </summary>
public sealed class SyncOptions : IValidatableObject
{
    public const string SectionName = "Sync";

    /// <summary>
    /// How long a mailbox's sync lease lasts without renewal: a killed instance's syncs are resumed
    /// elsewhere about this long after it died.
    /// </summary>
    [Range(1, 3600)]
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>
    /// How long after its last sync finished a mailbox is synced again without its user asking
    /// (<see cref="SyncScheduler"/>); <c>00:00:00</c> turns the scheduler off.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Scheduled syncs one instance runs at once; syncs a user asks for start regardless.</summary>
    [Range(1, 256)]
    public int MaxConcurrentSyncs { get; set; } = 4;

    /// <summary>How long after a failed sync the scheduler first tries again; doubled for each failure in a row.</summary>
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest the doubling of <see cref="FailureBackoff"/> goes.</summary>
    public TimeSpan MaxFailureBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How long a user may stay away before the scheduler stops syncing their mailbox (each scheduled
    /// sync renews their on-behalf-of session, so without this a departed user's mail would be read
    /// for as long as Entra ID allows); their next visit brings them back. <c>00:00:00</c>: never.
    /// </summary>
    public TimeSpan DormantAfter { get; set; } = TimeSpan.FromDays(90);

    internal TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    internal bool SchedulerEnabled => RefreshInterval > TimeSpan.Zero;

    /// <summary>
    /// How often the scheduler looks for due mailboxes: a minute, or a tenth of a shorter interval,
    /// so a due mailbox waits at most a small part of its interval for the look that finds it.
    /// </summary>
    internal TimeSpan SchedulerTick => TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, RefreshInterval.Ticks / 10));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var day = TimeSpan.FromDays(1);
        if (RefreshInterval != TimeSpan.Zero && (RefreshInterval < TimeSpan.FromMinutes(1) || RefreshInterval > 7 * day))
        {
            yield return new($"{SectionName}:{nameof(RefreshInterval)} must be 00:00:00 (off) or between 00:01:00 and 7.00:00:00.", [nameof(RefreshInterval)]);
        }

        if (FailureBackoff < TimeSpan.FromMinutes(1) || FailureBackoff > day)
        {
            yield return new($"{SectionName}:{nameof(FailureBackoff)} must be between 00:01:00 and 1.00:00:00.", [nameof(FailureBackoff)]);
        }

        if (DormantAfter != TimeSpan.Zero && DormantAfter < day)
        {
            yield return new($"{SectionName}:{nameof(DormantAfter)} must be 00:00:00 (never) or at least 1.00:00:00.", [nameof(DormantAfter)]);
        }

        if (MaxFailureBackoff < FailureBackoff || MaxFailureBackoff > 7 * day)
        {
            yield return new($"{SectionName}:{nameof(MaxFailureBackoff)} must be at least {nameof(FailureBackoff)} and at most 7.00:00:00.", [nameof(MaxFailureBackoff)]);
        }
    }
}
