using System.Diagnostics;
using Reconnect.Core.People;
using Reconnect.Core.Suggestions;

namespace Reconnect.Benchmarks;

/// <summary>
/// The per-request cost of GET /api/suggestions for a user with many correspondents: ranking the
/// people built at the last sync (cached per mailbox), with the user's feedback applied.
/// </summary>
internal static class SuggestionsBenchmark
{
    public static int Run(Arguments arguments)
    {
        var count = arguments.Int("correspondents", 10_000);
        var requests = arguments.Int("requests", 2000);
        var now = new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);
        var (correspondents, interactions) = SyntheticCorrespondence.Generate(count, new Random(11), now);

        var build = Stopwatch.StartNew();
        var people = PeopleBuilder.Build(correspondents, interactions, []);
        build.Stop();
        // The API lays the people out for ranking once per snapshot, when it caches them.
        var index = RankingIndex.Build(people);
        var feedback = new SuggestionFeedback(
            people.Take(50).SelectMany(p => p.Addresses),
            people.Skip(50).Take(50).SelectMany(p => p.Addresses).Select(a => KeyValuePair.Create(a, now.AddMonths(1))),
            people.Skip(100).Take(20).SelectMany(p => p.Addresses));

        var timings = new double[requests];
        for (var i = -200; i < requests; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var suggestions = SuggestionRanker.Rank(index, now, SuggestionSettings.Default, feedback, 20);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i >= 0)
            {
                timings[i] = elapsed;
            }

            GC.KeepAlive(suggestions);
        }

        Array.Sort(timings);
        Console.WriteLine($"people: {people.Count:N0} built from {count:N0} correspondents and {interactions.Count:N0} interactions in {build.Elapsed.TotalMilliseconds:F0} ms (once per sync)");
        Console.WriteLine($"suggestions (take 20) over {requests:N0} requests: p50 {Percentile(timings, 0.50):F2} ms, p99 {Percentile(timings, 0.99):F2} ms, max {timings[^1]:F2} ms");
        return 0;
    }

    internal static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
