namespace Reconnect.Core.Drafting;

/// <summary>How the task pane should offer an input.</summary>
public enum InputKind
{
    /// <summary>A web address (http or https); wire name <c>url</c>.</summary>
    Url,
    /// <summary>One line of text; wire name <c>text</c>.</summary>
    Text,
    /// <summary>A few sentences; wire name <c>multiline</c>.</summary>
    Multiline,
}

/// <summary>One blank the user fills in for a strategy.</summary>
/// <param name="Name">The key in the draft request's <c>inputs</c> (camelCase).</param>
/// <param name="Label">The question shown above the field.</param>
/// <param name="Placeholder">An example answer, written the way the template expects it.</param>
public sealed record StrategyInput(string Name, string Label, string Placeholder, bool Required, InputKind Kind, int MaxLength)
{
    public string KindName => Kind switch { InputKind.Url => "url", InputKind.Text => "text", _ => "multiline" };
}

/// <summary>A strategy as <c>GET /api/strategies</c> shows it.</summary>
/// <param name="Id">The wire name, e.g. <c>own-the-gap</c>.</param>
/// <param name="Why">The "why this strategy" line for the task pane.</param>
public sealed record StrategyInfo(
    DraftingStrategy Strategy, string Id, string Title, string Description, string Why, IReadOnlyList<StrategyInput> Inputs);

/// <summary>The strategies and their inputs, in the order the task pane lists them.</summary>
public static class StrategyCatalog
{
    public static class Inputs
    {
        public const string Link = "link";
        public const string LinkTitle = "linkTitle";
        public const string WhyRelevant = "whyRelevant";
        public const string Activity = "activity";
        public const string UserView = "userView";
        public const string UserNews = "userNews";
    }

    public static IReadOnlyList<StrategyInfo> All { get; } =
    [
        new(DraftingStrategy.ShareSomethingRelevant, DraftingNames.ShareSomethingRelevant,
            "Share something relevant",
            "Send them an article or link you found interesting, say why it made you think of them, and ask what they think.",
            "Something useful to them is an easy reason to write, and the catching up can follow from their reply.",
            [
                new(Inputs.Link, "Link to share", "https://…", Required: true, InputKind.Url, 2048),
                new(Inputs.LinkTitle, "Its title (optional)", "The hidden cost of flaky tests", Required: false, InputKind.Text, 200),
                new(Inputs.WhyRelevant, "Why would they find it interesting? (optional)",
                    "You mentioned your team was fighting flaky integration tests.", Required: false, InputKind.Multiline, 600),
            ]),
        new(DraftingStrategy.RecentActivity, DraftingNames.RecentActivity,
            "Their recent activity",
            "Mention something they did recently (a post, a comment, a new role, an anniversary), give your view, and suggest catching up.",
            "Reacting to something they just did is timely and personal, so suggesting a catch-up feels natural.",
            [
                new(Inputs.Activity, "What did you see? (I just saw …)", "your post about moving to Postgres", Required: true, InputKind.Text, 300),
                new(Inputs.UserView, "What do you think of it? (optional)",
                    "I really liked your point about rehearsing the rollback.", Required: false, InputKind.Multiline, 600),
            ]),
        new(DraftingStrategy.OwnTheGap, DraftingNames.OwnTheGap,
            "Own the gap",
            "Say plainly how long it has been, that you'd like to catch up, what you've been up to, and that you value their perspective.",
            "Naming the silence honestly is the simplest way back in, and it works with nothing else to go on.",
            [
                new(Inputs.UserNews, "What have you been up to? (optional)",
                    "I've moved to the platform team and I'm learning a lot about on-call.", Required: false, InputKind.Multiline, 600),
            ]),
    ];

    public static StrategyInfo Get(DraftingStrategy strategy) => All[(int)strategy];
}
