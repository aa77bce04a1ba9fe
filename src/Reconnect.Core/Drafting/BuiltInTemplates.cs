using System.Collections.Frozen;

namespace Reconnect.Core.Drafting;

/// <summary>The embedded templates, parsed once per process: <c>Templates/{strategy}/{tone}.{subject|body}.scriban</c>.</summary>
internal static class BuiltInTemplates
{
    private const string Root = "Drafting/Templates/";

    private static readonly FrozenDictionary<(DraftingStrategy, Tone), DraftTemplate> Templates = Load();

    public static DraftTemplate Get(DraftingStrategy strategy, Tone tone) => Templates[(strategy, tone)];

    /// <summary>The source text, for showing the user what they would override (template <c>GET</c>).</summary>
    public static UserTemplate Source(DraftingStrategy strategy, Tone tone) =>
        new(Read(strategy, tone, "subject"), Read(strategy, tone, "body"));

    private static FrozenDictionary<(DraftingStrategy, Tone), DraftTemplate> Load()
    {
        var templates = new Dictionary<(DraftingStrategy, Tone), DraftTemplate>();
        foreach (var strategy in Enum.GetValues<DraftingStrategy>())
        foreach (var tone in Enum.GetValues<Tone>())
        {
            var source = Source(strategy, tone);
            var errors = new List<TemplateError>();
            templates[(strategy, tone)] = DraftTemplate.Parse(source.Subject, source.Body, errors)
                ?? throw new InvalidOperationException($"Built-in template {strategy.ToWireName()}/{tone.ToWireName()} does not parse: {string.Join("; ", errors)}");
        }
        return templates.ToFrozenDictionary();
    }

    private static string Read(DraftingStrategy strategy, Tone tone, string part)
    {
        var name = $"{Root}{strategy.ToWireName()}/{tone.ToWireName()}.{part}.scriban";
        var assembly = typeof(BuiltInTemplates).Assembly;
        // Resource names carry the build machine's path separator.
        using var stream = assembly.GetManifestResourceStream(name)
            ?? assembly.GetManifestResourceStream(name.Replace('/', '\\'))
            ?? throw new InvalidOperationException($"Missing embedded template {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
