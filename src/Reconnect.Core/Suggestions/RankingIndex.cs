using Reconnect.Core.People;

namespace Reconnect.Core.Suggestions;

/// <summary>
/// A user's people laid out for <see cref="SuggestionRanker"/>: for each person who could ever be
/// suggested, the few numbers a ranking reads, side by side in one array, most worth first. Built once per people
/// rebuild (the API keeps it with its cached people) and read by every request after.
/// </summary>
/// <remarks>
/// Automated people, shared mailboxes and contacts without mail are never suggested whatever the
/// settings, the clock or the feedback, so they are left out here; everything that depends on
/// those (the two-way bar, staleness, snoozes) is still judged per request.
/// </remarks>
public sealed class RankingIndex
{
    private RankingIndex(IReadOnlyList<PersonProfile> people, Row[] rows)
    {
        People = people;
        Rows = rows;
    }

    internal IReadOnlyList<PersonProfile> People { get; }

    internal Row[] Rows { get; }

    public static RankingIndex Build(IReadOnlyList<PersonProfile> people)
    {
        var rows = new List<Row>(people.Count);
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            if (!person.IsAutomated && !person.IsSharedMailbox && !person.NoMailYet)
            {
                rows.Add(new Row(i, person.PersonId, person.TwoWayExchanges, person.LastPersonalContact ?? person.LastContact, person.UsualRhythm, person.Worth));
            }
        }

        // Most worth first: a score never exceeds its worth, so a ranking can stop at the first row
        // whose worth is below the worst score it has kept.
        return new RankingIndex(people, [.. rows.OrderByDescending(r => r.Worth).ThenBy(r => r.PersonId, StringComparer.Ordinal)]);
    }

    /// <param name="Person">The person's position in <see cref="People"/>.</param>
    /// <param name="SilentSince">Where silence is measured from (<see cref="StalenessJudge"/>).</param>
    internal readonly record struct Row(int Person, string PersonId, int TwoWayExchanges, DateTime? SilentSince, TimeSpan? UsualRhythm, double Worth);
}
