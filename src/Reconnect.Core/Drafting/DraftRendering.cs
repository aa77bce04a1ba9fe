using Scriban.Runtime;
using Scriban.Syntax;

namespace Reconnect.Core.Drafting;

/// <summary>Runs a template and turns every way it can fail into a <see cref="TemplateError"/>.</summary>
internal static class DraftRendering
{
    public static bool TryRender(DraftTemplate template, ScriptObject model, TimeSpan? timeout,
        out (string Subject, string Body) output, out TemplateError error)
    {
        output = default;
        var field = "subject";
        try
        {
            (output.Subject, output.Body) = template.Render(model, timeout, onBody: () => field = "body");
        }
        catch (ScriptRuntimeException e)
        {
            error = new(field, e.Span.Start.Line + 1, e.Span.Start.Column + 1, e is ScriptAbortException ? "The template took too long." : e.OriginalMessage);
            return false;
        }
        // Builtins can still throw plain .NET exceptions on odd arguments; a user template that
        // trips one must fall back, never fail the draft.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = new(field, 1, 1, e.Message);
            return false;
        }

        var subject = output.Subject.Trim();
        if (subject.Length == 0 || subject.Length > DraftTemplate.MaxSubjectLength || subject.Contains('\n'))
        {
            error = new("subject", 1, 1, $"The subject must come out as one line of 1 to {DraftTemplate.MaxSubjectLength} characters.");
            return false;
        }
        if (string.IsNullOrWhiteSpace(output.Body))
        {
            error = new("body", 1, 1, "The body came out empty.");
            return false;
        }
        error = null!;
        return true;
    }
}
