using Reconnect.Core.People;

namespace Reconnect.Core.Staleness;

/// <summary>How silent a person is, and whether that is staleness.</summary>
/// <param name="SilentSince">The last personal contact the silence is measured from; null for no mail yet.</param>
/// <param name="SilenceDays">Whole days since then (0 when the date is in the future).</param>
public readonly record struct StalenessVerdict(bool IsStale, DateTime? SilentSince, int SilenceDays);

/// <summary>
/// Judges staleness from a precomputed profile: a few comparisons, no allocation, so the ranking
/// can run it over thousands of people per request.
/// </summary>
public static class StalenessJudge
{
    /// <summary>
    /// Judges one person at <paramref name="now"/> (the app's clock, so Clock:Now is honoured).
    /// Silence runs from <see cref="PersonProfile.LastPersonalContact"/>. Contacts with no mail are
    /// never stale: there was nothing to fall out of.
    /// </summary>
    public static StalenessVerdict Judge(PersonProfile person, DateTime now, StalenessPolicy policy) =>
        Judge(person.LastPersonalContact ?? person.LastContact, person.UsualRhythm, now, policy.Cutoff(now), policy.RhythmMultiple);

    /// <summary>The same judgement with the policy's cutoff computed once per request.</summary>
    internal static StalenessVerdict Judge(DateTime? silentSince, TimeSpan? rhythm, DateTime now, DateTime cutoff, double rhythmMultiple)
    {
        if (silentSince is not { } since)
        {
            return new StalenessVerdict(false, null, 0);
        }

        var silence = now - since;
        var days = silence <= TimeSpan.Zero ? 0 : (int)silence.TotalDays;
        var pastThreshold = since < cutoff;
        var pastRhythm = rhythm is not { } usual || silence.Ticks > usual.Ticks * rhythmMultiple;
        return new StalenessVerdict(pastThreshold && pastRhythm, since, days);
    }
}
