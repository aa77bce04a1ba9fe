using System.Collections.Concurrent;

namespace Reconnect.Core.Drafting;

/// <summary>Renders reconnection drafts. Thread-safe; register one per process.</summary>
/// <remarks>
/// Built-in templates are parsed once per process; user templates are parsed once per distinct
/// text and kept in a bounded cache, so a render costs only the template run and the encoding.
/// </remarks>
public sealed class DraftComposer
{
    private const int MaxCachedUserTemplates = 1024;

    private readonly ConcurrentDictionary<UserTemplate, DraftTemplate?> _userTemplates = new();

    /// <summary>Renders a draft: the user's own template when given and it works, else the built-in one.</summary>
    /// <param name="context">What history knows: recipient, sender, last contact, now, first thread.</param>
    /// <param name="spec">The validated strategy, tone and inputs (<see cref="DraftSpec.TryCreate(string?, string?, IReadOnlyDictionary{string, string?}?, out DraftSpec?, out IReadOnlyList{FieldError})"/>).</param>
    /// <param name="userTemplate">The user's override for <paramref name="spec"/>'s strategy, if they saved one.</param>
    /// <returns>Always a complete draft; <see cref="Draft.Warnings"/> says if the user's template had to be set aside.</returns>
    public Draft Compose(DraftContext context, DraftSpec spec, UserTemplate? userTemplate = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(spec);

        string? warning = null;
        if (userTemplate is not null)
        {
            var error = TryRender(UserTemplateFor(userTemplate), context, spec, TemplateValidator.Timeout, out var draft);
            if (draft is not null)
                return draft;
            warning = $"Your template for \"{StrategyCatalog.Get(spec.Strategy).Title}\" could not be used ({error}), so the built-in one was used.";
        }

        var builtInError = TryRender(BuiltInTemplates.Get(spec.Strategy, spec.Tone), context, spec, timeout: null, out var builtIn, warning);
        return builtIn ?? throw new InvalidOperationException(
            $"Built-in template {spec.Strategy.ToWireName()}/{spec.Tone.ToWireName()} failed: {builtInError}");
    }

    /// <summary>The built-in template's source, as a starting point for the user's own (template <c>GET</c>).</summary>
    public static UserTemplate BuiltInTemplate(DraftingStrategy strategy, Tone tone) => BuiltInTemplates.Source(strategy, tone);

    private DraftTemplate? UserTemplateFor(UserTemplate template)
    {
        if (_userTemplates.TryGetValue(template, out var cached))
            return cached;
        // Crude but bounded: user templates change rarely, so re-parsing after a reset is cheap.
        if (_userTemplates.Count >= MaxCachedUserTemplates)
            _userTemplates.Clear();
        return _userTemplates.GetOrAdd(template, static t => DraftTemplate.Parse(t.Subject ?? "", t.Body ?? "", []));
    }

    private static string? TryRender(DraftTemplate? template, DraftContext context, DraftSpec spec, TimeSpan? timeout,
        out Draft? draft, string? warning = null)
    {
        draft = null;
        if (template is null)
            return "it no longer parses";
        if (!DraftRendering.TryRender(template, DraftModel.Create(context, spec), timeout, out var output, out var error))
            return $"{error.Field}, line {error.Line}, column {error.Column}: {error.Message}";

        var title = spec[StrategyCatalog.Inputs.LinkTitle];
        var paragraphs = DraftText.Paragraphs(output.Body);
        var recipient = context.Recipient;
        var cleaned = DraftSpec.Clean(recipient.DisplayName, multiline: false);
        var name = PersonName.FullNameOf(cleaned) ?? (cleaned.Length > 0 ? cleaned : recipient.Address);
        draft = new Draft(
            new DraftAddress(name, recipient.Address),
            DraftText.Subject(output.Subject, spec.Link, title),
            DraftText.Html(paragraphs, spec.Link, title),
            DraftText.Text(paragraphs, spec.Link, title),
            spec.Strategy,
            spec.Tone,
            warning is null ? [] : [warning]);
        return null;
    }
}
