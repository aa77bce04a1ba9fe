namespace Reconnect.Core.Drafting;

/// <summary>A user's own template for a strategy (both tones), as stored per user.</summary>
/// <remarks>Same language and variables as the built-in templates; the output is text, encoded into HTML like theirs.</remarks>
public sealed record UserTemplate(string Subject, string Body);

/// <summary>A problem in a user template, 1-based <paramref name="Line"/> and <paramref name="Column"/>.</summary>
/// <param name="Field"><c>subject</c> or <c>body</c>.</param>
public sealed record TemplateError(string Field, int Line, int Column, string Message)
{
    public FieldError ToFieldError() => new(Field, $"Line {Line}, column {Column}: {Message}");
}

/// <summary>Checks a user template when it is saved.</summary>
public static class TemplateValidator
{
    public const int MaxSubjectLength = 500, MaxBodyLength = 10_000;

    /// <summary>How long a user template may run, on save and on every draft.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Parses the template and tries it on sample data (all inputs given, and all optional ones
    /// missing), under the same limits as real drafts. An empty list means it can be saved.
    /// </summary>
    /// <remarks>
    /// The trial render catches unknown variables, endless loops, deep recursion and huge output
    /// at save time, where the user can fix them; rendering still guards against the rest.
    /// </remarks>
    public static IReadOnlyList<TemplateError> Validate(DraftingStrategy strategy, string? subject, string? body)
    {
        var errors = new List<TemplateError>();
        if (string.IsNullOrWhiteSpace(subject)) errors.Add(new("subject", 1, 1, "The subject template is empty."));
        else if (subject.Length > MaxSubjectLength) errors.Add(new("subject", 1, 1, $"The subject template may have at most {MaxSubjectLength} characters."));
        if (string.IsNullOrWhiteSpace(body)) errors.Add(new("body", 1, 1, "The body template is empty."));
        else if (body.Length > MaxBodyLength) errors.Add(new("body", 1, 1, $"The body template may have at most {MaxBodyLength} characters."));
        if (errors.Count > 0)
            return errors;

        var template = DraftTemplate.Parse(subject!, body!, errors);
        if (template is null)
            return errors;
        foreach (var tone in Enum.GetValues<Tone>())
        foreach (var full in (bool[])[true, false])
        {
            if (!DraftRendering.TryRender(template, DraftModel.Sample(strategy, tone, full), Timeout, out _, out var error))
                return [error];
        }
        return errors;
    }
}
