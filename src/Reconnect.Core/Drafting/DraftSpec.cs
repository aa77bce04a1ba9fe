using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Reconnect.Core.Drafting;

/// <summary>An input error the API reports against one field (ProblemDetails <c>errors</c>).</summary>
/// <param name="Field">The request's JSON path: <c>strategy</c>, <c>tone</c>, <c>inputs.link</c>, <c>subject</c>, …</param>
public sealed record FieldError(string Field, string Message);

public static class FieldErrorExtensions
{
    /// <summary>The shape <c>TypedResults.ValidationProblem</c> takes.</summary>
    public static Dictionary<string, string[]> ToValidationErrors(this IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
}

/// <summary>What the user chose and typed: a strategy, a tone, and that strategy's inputs, validated.</summary>
/// <remarks>
/// Only a valid spec can be built, so the renderer never sees a missing required input, an
/// over-long one, or a link that is not http(s).
/// </remarks>
public sealed class DraftSpec
{
    private DraftSpec(DraftingStrategy strategy, Tone tone, IReadOnlyDictionary<string, string> inputs, Uri? link)
    {
        Strategy = strategy;
        Tone = tone;
        Inputs = inputs;
        Link = link;
    }

    public DraftingStrategy Strategy { get; }
    public Tone Tone { get; }

    /// <summary>The strategy's non-empty inputs, trimmed and cleaned; keys as in the catalogue.</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; }

    /// <summary>The link to share, when the strategy has one: absolute http or https.</summary>
    public Uri? Link { get; }

    public string? this[string input] => Inputs.GetValueOrDefault(input);

    /// <summary>Validates a draft request as it comes over the wire.</summary>
    /// <param name="strategy">A wire name, e.g. <c>own-the-gap</c>.</param>
    /// <param name="tone">A wire name; <c>null</c> or empty means <c>warm</c>.</param>
    /// <param name="inputs">Input values by name (case-insensitive). Inputs of other strategies are ignored,
    /// so the task pane may send everything it holds.</param>
    public static bool TryCreate(string? strategy, string? tone, IReadOnlyDictionary<string, string?>? inputs,
        [NotNullWhen(true)] out DraftSpec? spec, out IReadOnlyList<FieldError> errors)
    {
        var problems = new List<FieldError>();
        if (!DraftingNames.TryParseStrategy(strategy, out var s))
            problems.Add(new("strategy", $"Unknown strategy. Use one of: {string.Join(", ", StrategyCatalog.All.Select(i => i.Id))}."));
        var t = Tone.Warm;
        if (!string.IsNullOrWhiteSpace(tone) && !DraftingNames.TryParseTone(tone, out t))
            problems.Add(new("tone", $"Unknown tone. Use {DraftingNames.Warm} or {DraftingNames.Professional}."));
        if (problems.Count > 0)
        {
            spec = null;
            errors = problems;
            return false;
        }
        return TryCreate(s, t, inputs, out spec, out errors);
    }

    /// <summary>Validates the inputs of an already chosen strategy and tone.</summary>
    public static bool TryCreate(DraftingStrategy strategy, Tone tone, IReadOnlyDictionary<string, string?>? inputs,
        [NotNullWhen(true)] out DraftSpec? spec, out IReadOnlyList<FieldError> errors)
    {
        var problems = new List<FieldError>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Uri? link = null;
        foreach (var input in StrategyCatalog.Get(strategy).Inputs)
        {
            var field = "inputs." + input.Name;
            var value = Clean(Find(inputs, input.Name), input.Kind == InputKind.Multiline);
            if (value.Length == 0)
            {
                if (input.Required)
                    problems.Add(new(field, "This is required for this strategy."));
                continue;
            }
            if (value.Length > input.MaxLength)
            {
                problems.Add(new(field, $"Use at most {input.MaxLength} characters."));
                continue;
            }
            if (input.Kind == InputKind.Url)
            {
                if (!TryParseWebLink(value, out link))
                {
                    problems.Add(new(field, "Use a web address that starts with http:// or https://."));
                    continue;
                }
                value = link.AbsoluteUri;
            }
            values[input.Name] = value;
        }

        errors = problems;
        spec = problems.Count == 0 ? new DraftSpec(strategy, tone, values, link) : null;
        return spec is not null;
    }

    /// <summary>Only absolute http(s) links with a host: <c>javascript:</c>, <c>data:</c>, <c>mailto:</c> and relative links are refused.</summary>
    public static bool TryParseWebLink(string? value, [NotNullWhen(true)] out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(value) || value.Any(char.IsWhiteSpace))
            return false;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var parsed)
            || parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps
            || string.IsNullOrEmpty(parsed.Host) || !string.IsNullOrEmpty(parsed.UserInfo))
            return false;
        uri = parsed;
        return true;
    }

    private static string? Find(IReadOnlyDictionary<string, string?>? inputs, string name)
    {
        if (inputs is null) return null;
        if (inputs.TryGetValue(name, out var exact)) return exact;
        foreach (var (key, value) in inputs)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }

    // Control characters (and the renderer's private-use link marker) never reach a template;
    // single-line inputs lose their line breaks so they cannot split a sentence into paragraphs.
    internal static string Clean(string? value, bool multiline)
    {
        if (string.IsNullOrWhiteSpace(value))
            return "";
        var sb = new StringBuilder(value.Length);
        foreach (var c in value.Trim())
        {
            if (c == '\n' && multiline) sb.Append('\n');
            else if (c == '\r' || c == DraftText.LinkMarker) continue;
            else if (char.IsControl(c) || c is '\u2028' or '\u2029') sb.Append(' ');
            else sb.Append(c);
        }
        return sb.ToString().Trim();
    }
}
