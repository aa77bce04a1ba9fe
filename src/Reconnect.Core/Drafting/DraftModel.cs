using System.Globalization;
using Scriban.Runtime;

namespace Reconnect.Core.Drafting;

/// <summary>The variables a template sees. Every key is always present (<c>null</c> when unknown),
/// so <c>{{ if why_relevant }}</c> works and a misspelt name is an error.</summary>
/// <remarks>Values are plain strings: the template produces text and <see cref="DraftText"/> encodes all of it.</remarks>
internal static class DraftModel
{
    public static ScriptObject Create(DraftContext context, DraftSpec spec) =>
        Create(context, spec.Strategy, spec.Tone, spec.Link, spec.Inputs);

    private static ScriptObject Create(
        DraftContext context, DraftingStrategy strategy, Tone tone, Uri? link, IReadOnlyDictionary<string, string> inputs)
    {
        string? Input(string name) => inputs.GetValueOrDefault(name);
        var thread = FirstThread.FromSubject(DraftSpec.Clean(context.FirstThreadSubject, multiline: false));
        var sender = DraftSpec.Clean(context.SenderDisplayName, multiline: false);
        return new ScriptObject
        {
            ["tone"] = tone.ToWireName(),
            ["strategy"] = strategy.ToWireName(),
            ["first_name"] = PersonName.FirstNameOf(context.Recipient.DisplayName, context.Recipient.Address),
            ["recipient_name"] = PersonName.FullNameOf(context.Recipient.DisplayName),
            ["sender_name"] = PersonName.FullNameOf(sender) ?? NullIfEmpty(sender),
            ["sender_first_name"] = PersonName.FirstNameOf(sender, null),
            ["time_since"] = context.LastContact is { } last ? TimeFrame.Describe(last, context.Now) : null,
            ["last_contact"] = context.LastContact?.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
            // "met" when the last contact was a meeting ("since we last met"), else null.
            ["last_touch"] = context.LastContactWasMeeting ? "met" : null,
            ["met_at"] = thread.MetAt,
            ["first_subject"] = thread.Topic,
            ["link"] = link is null ? null : DraftText.LinkMarkerString,
            ["link_url"] = link?.AbsoluteUri,
            ["link_title"] = Input(StrategyCatalog.Inputs.LinkTitle),
            ["why_relevant"] = DraftText.AsSentences(Input(StrategyCatalog.Inputs.WhyRelevant)),
            ["activity"] = DraftText.AsPhrase(Input(StrategyCatalog.Inputs.Activity)),
            ["user_view"] = DraftText.AsSentences(Input(StrategyCatalog.Inputs.UserView)),
            ["user_news"] = DraftText.AsSentences(Input(StrategyCatalog.Inputs.UserNews)),
        };
    }

    /// <summary>A model for trying a user template out on save: everything filled in, or every optional value missing.</summary>
    public static ScriptObject Sample(DraftingStrategy strategy, Tone tone, bool full)
    {
        var now = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);
        var context = new DraftContext(
            new DraftRecipient(full ? "Crystal Cory" : null, "info@fabrikam.example"),
            full ? "Jon Doe" : null, full ? now.AddMonths(-14) : null, now, full ? "Great meeting you at DevSummit" : null);
        var inputs = new Dictionary<string, string> { [StrategyCatalog.Inputs.Activity] = "your recent post" };
        if (full)
        {
            inputs[StrategyCatalog.Inputs.LinkTitle] = "An article";
            inputs[StrategyCatalog.Inputs.WhyRelevant] = "You mentioned this.";
            inputs[StrategyCatalog.Inputs.UserView] = "I liked it.";
            inputs[StrategyCatalog.Inputs.UserNews] = "I changed teams.";
        }
        return Create(context, strategy, tone, new Uri("https://example.com/article"), inputs);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
