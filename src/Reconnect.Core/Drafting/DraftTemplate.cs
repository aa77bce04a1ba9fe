using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Reconnect.Core.Drafting;

/// <summary>A parsed subject and body template, and the sandbox every render runs in.</summary>
internal sealed class DraftTemplate
{
    // Limits sized for a short email: a draft never needs more, and a hostile template hits them fast.
    internal const int LoopLimit = 200, RecursiveLimit = 20, MaxOutput = 20_000, MaxSubjectLength = 255;

    // Text helpers only: no object.eval/eval_template (they would run a contact's name as a template),
    // no include (no loader anyway), no regex (backtracking), no date (the core has no clock).
    private static readonly ScriptObject SafeBuiltins = CreateSafeBuiltins();

    private DraftTemplate(Template subject, Template body)
    {
        Subject = subject;
        Body = body;
    }

    public Template Subject { get; }
    public Template Body { get; }

    /// <summary>Parses both parts; on syntax errors returns <c>null</c> and the errors with 1-based line and column.</summary>
    public static DraftTemplate? Parse(string subject, string body, List<TemplateError> errors)
    {
        var s = Template.Parse(subject);
        var b = Template.Parse(body);
        errors.AddRange(Errors("subject", s));
        errors.AddRange(Errors("body", b));
        return s.HasErrors || b.HasErrors ? null : new DraftTemplate(s, b);
    }

    // Building a context costs about as much as a render, so each thread keeps one and resets it
    // between runs, as Scriban documents for TemplateContext.Reset.
    [ThreadStatic] private static TemplateContext? t_context;

    /// <summary>Renders subject and body over <paramref name="model"/>, within the limits.</summary>
    /// <exception cref="ScriptRuntimeException">A limit, the timeout, or an unknown variable stopped the template.</exception>
    public (string Subject, string Body) Render(ScriptObject model, TimeSpan? timeout, Action? onBody = null)
    {
        using var cts = timeout is { } t ? new CancellationTokenSource(t) : null;
        // Taken, not borrowed: a context that saw an exception is dropped rather than trusted again.
        var context = t_context ?? CreateContext();
        t_context = null;
        context.CancellationToken = cts?.Token ?? CancellationToken.None;
        context.PushGlobal(model);
        var subject = Subject.Render(context);
        onBody?.Invoke();
        var body = Body.Render(context);
        context.Reset();
        context.CancellationToken = CancellationToken.None;
        t_context = context;
        return (subject, body);
    }

    private static TemplateContext CreateContext() => new(SafeBuiltins)
    {
        StrictVariables = true, // a typo in a user template is an error, not a silent gap
        LoopLimit = LoopLimit,
        RecursiveLimit = RecursiveLimit,
        LimitToString = MaxOutput,
        OutputLimit = MaxOutput,
        OnOutputLimit = ScriptLimitBehavior.Throw, // a truncated draft is a broken draft
        OnStringLimit = ScriptLimitBehavior.Throw,
        MemberFilter = static _ => false, // the model is ScriptObjects of strings: no .NET member is ever reachable
        RegexTimeOut = TimeSpan.FromMilliseconds(50),
    };

    private static ScriptObject CreateSafeBuiltins()
    {
        var all = new BuiltinFunctions();
        var safe = new ScriptObject();
        foreach (var name in (string[])["string", "math", "array", "empty", "blank"])
            safe[name] = all[name];
        // Shared by every render on every thread: nothing may write to it.
        safe.IsReadOnly = true;
        return safe;
    }

    private static IEnumerable<TemplateError> Errors(string field, Template template) =>
        template.Messages
            .Where(m => m.Type == ParserMessageType.Error)
            .Select(m => new TemplateError(field, m.Span.Start.Line + 1, m.Span.Start.Column + 1, m.Message));
}
