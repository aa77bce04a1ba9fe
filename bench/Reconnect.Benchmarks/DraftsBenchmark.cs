using System.Diagnostics;
using Reconnect.Core.Drafting;

namespace Reconnect.Benchmarks;

/// <summary>The cost of rendering one draft with the cached, compiled built-in templates.</summary>
internal static class DraftsBenchmark
{
    public static int Run(Arguments arguments)
    {
        var drafts = arguments.Int("drafts", 20_000);
        var composer = new DraftComposer();
        var now = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
        var context = new DraftContext(new DraftRecipient("Cory, Crystal", "ccory@personal.example"), "Jordan Reyes", now.AddMonths(-30), now, "Great meeting you at DevSummit");
        var specs = new[]
        {
            Spec("own-the-gap", "warm", new() { ["userNews"] = "I moved to the platform team" }),
            Spec("share-something-relevant", "professional", new() { ["link"] = "https://example.org/paper", ["whyRelevant"] = "it builds on your talk" }),
            Spec("their-recent-activity", "warm", new() { ["activity"] = "your post about moving to Postgres", ["userView"] = "the migration notes were spot on" }),
        };

        var timings = new double[drafts];
        for (var i = -1000; i < drafts; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var draft = composer.Compose(context, specs[(i + 3000) % specs.Length]);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (i >= 0)
            {
                timings[i] = elapsed;
            }

            GC.KeepAlive(draft);
        }

        Array.Sort(timings);
        Console.WriteLine($"drafts over {drafts:N0} renders (3 strategies): mean {timings.Average():F1} µs, p50 {SuggestionsBenchmark.Percentile(timings, 0.5):F1} µs, p99 {SuggestionsBenchmark.Percentile(timings, 0.99):F1} µs");
        return 0;
    }

    private static DraftSpec Spec(string strategy, string tone, Dictionary<string, string?> inputs) =>
        DraftSpec.TryCreate(strategy, tone, inputs, out var spec, out var errors) ? spec! : throw new InvalidOperationException(string.Join("; ", errors));
}
