using Reconnect.Core.People;
using Reconnect.Core.Staleness;

namespace Reconnect.Core.Suggestions;

/// <summary>
/// The per-request half: picks the best stale people out of precomputed profiles.
/// </summary>
/// <remarks>
/// <para><b>Who can be suggested</b>: a person (not automated, not marked "not a person", not a
/// shared role mailbox), with
/// mail history (contacts with no mail yet are never suggestions: nothing was exchanged, so nothing
/// went stale), with a real two-way relationship (at least
/// <see cref="SuggestionSettings.MinimumTwoWayExchanges"/> replies in personal mail), stale by
/// <see cref="StalenessJudge"/>, and not dismissed, snoozed or marked by the user.</para>
/// <para><b>Order</b>: <c>score = worth × 1 / (1 + max(0, silence − threshold) / 4 years)</c>, best
/// first, ties by person id. Worth (<see cref="PeopleBuilder"/>) dominates: a rich relationship
/// ranks above a thin one at any plausible silence. Among similar relationships the one that went
/// quiet more recently comes first: it is easier to revive, and the further past the threshold a
/// silence runs the more likely the relationship has ended for a reason (four years past the
/// threshold halves the score; nothing is ever excluded for being old).</para>
/// <para><b>Cost</b>: one pass with a few comparisons per person and a bounded heap of
/// <c>take</c> entries (O(n log k)), stopped as soon as the remaining people's worth (an upper
/// bound of their score) falls below the worst score kept; the feedback is looked up only for
/// people who would enter the heap, and strings are only built for the people returned. The pass runs
/// over a <see cref="RankingIndex"/>: the numbers it reads, packed in one array, rather than two
/// thousand profiles scattered over the heap, whose cache misses cost more than the comparisons.</para>
/// </remarks>
public static class SuggestionRanker
{
    /// <summary>Silence past the threshold that halves a score.</summary>
    public static readonly TimeSpan SilenceHalving = TimeSpan.FromDays(4 * 365.25);

    public const int MaxTake = 200;

    /// <summary>Ranks a user's people for suggestions at <paramref name="now"/>.</summary>
    /// <param name="profiles">The user's people, as built by <see cref="PeopleBuilder.Build"/> at the last sync.</param>
    /// <param name="now">The app's clock (Clock:Now).</param>
    /// <param name="settings">The user's threshold and the eligibility bar.</param>
    /// <param name="feedback">The user's dismissals, snoozes and "not a person" marks.</param>
    /// <param name="take">How many to return, 1 to <see cref="MaxTake"/>.</param>
    /// <returns>Best first.</returns>
    public static IReadOnlyList<Suggestion> Rank(
        IReadOnlyList<PersonProfile> profiles, DateTime now, SuggestionSettings settings, SuggestionFeedback feedback, int take) =>
        Rank(RankingIndex.Build(profiles), now, settings, feedback, take);

    /// <summary>Ranks the people of a <see cref="RankingIndex"/> built once for many requests; same answer as from the profiles.</summary>
    public static IReadOnlyList<Suggestion> Rank(
        RankingIndex index, DateTime now, SuggestionSettings settings, SuggestionFeedback feedback, int take)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, MaxTake);

        var policy = settings.Staleness;
        var cutoff = policy.Cutoff(now);
        var threshold = now - cutoff;
        var best = new PriorityQueue<int, Candidate>(take + 1, WorstFirst.Instance);
        var rows = index.Rows;
        var people = index.People;

        for (var i = 0; i < rows.Length; i++)
        {
            ref readonly var row = ref rows[i];
            if (best.Count == take && row.Worth >= 0 && row.Worth < PeekPriority(best).Score)
            {
                // Rows come most worth first and no score exceeds a non-negative worth: nobody further can make the list.
                break;
            }

            if (row.TwoWayExchanges < settings.MinimumTwoWayExchanges)
            {
                continue;
            }

            var verdict = StalenessJudge.Judge(row.SilentSince, row.UsualRhythm, now, cutoff, policy.RhythmMultiple);
            if (!verdict.IsStale)
            {
                continue;
            }

            var candidate = new Candidate(Score(row.Worth, now - verdict.SilentSince!.Value, threshold), row.PersonId, verdict.SilentSince.Value, verdict.SilenceDays);
            var full = best.Count == take;
            // The feedback (a few lookups per address) is asked only of those who would make the list.
            if ((full && WorstFirst.Instance.Compare(candidate, PeekPriority(best)) <= 0) || feedback.HoldsBack(people[row.Person].Addresses, now))
            {
                continue;
            }

            if (full)
            {
                best.EnqueueDequeue(row.Person, candidate);
            }
            else
            {
                best.Enqueue(row.Person, candidate);
            }
        }

        var picked = new Suggestion[best.Count];
        for (var i = picked.Length - 1; i >= 0; i--)
        {
            best.TryDequeue(out var position, out var candidate);
            var person = people[position];
            picked[i] = new Suggestion(
                person.PersonId,
                person.DisplayName,
                person.Addresses,
                candidate.Since,
                candidate.SilenceDays,
                SuggestionWording.Silence(candidate.Since, now),
                SuggestionWording.Reason(person, candidate.Since, now),
                SuggestionStrategies.OwnTheGap);
        }

        return picked;
    }

    /// <summary>The ranking score of a relationship of <paramref name="worth"/> silent for <paramref name="silence"/>.</summary>
    public static double Score(double worth, TimeSpan silence, TimeSpan threshold)
    {
        var past = Math.Max(0, (silence - threshold).TotalDays);
        return worth / (1 + past / SilenceHalving.TotalDays);
    }

    private static Candidate PeekPriority(PriorityQueue<int, Candidate> queue)
    {
        queue.TryPeek(out _, out var priority);
        return priority;
    }

    private readonly record struct Candidate(double Score, string PersonId, DateTime Since, int SilenceDays);

    /// <summary>Orders candidates worst first, so the heap's top is the one to drop.</summary>
    private sealed class WorstFirst : IComparer<Candidate>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(Candidate x, Candidate y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            // Equal scores: the smaller id is the better one, so it sorts later here.
            return byScore != 0 ? byScore : string.CompareOrdinal(y.PersonId, x.PersonId);
        }
    }
}
