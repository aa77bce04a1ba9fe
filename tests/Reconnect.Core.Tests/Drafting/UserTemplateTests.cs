using Reconnect.Core.Drafting;
using static Reconnect.Core.Tests.Drafting.DraftFixtures;

namespace Reconnect.Core.Tests.Drafting;

public sealed class UserTemplateTests
{
    private const string GoodBody = """
        Hey {{ first_name ?? "you" }},

        It's been {{ time_since ?? "ages" }}.{{ if met_at }} Remember {{ met_at }}?{{ end }}
        {{ if user_news }}{{ user_news }}{{ end }}

        Coffee soon?
        {{ sender_first_name }}
        """;

    // Hostile templates, each as it would be stored: they parse, and only running them shows the problem.
    public static TheoryData<string, string> Hostile() => new()
    {
        { "endless loop", "{{ while true }}x{{ end }}" },
        { "nested loops", "{{ for i in 1..100 }}{{ for j in 1..100 }}x{{ end }}{{ end }}" },
        { "deep recursion", "{{ func f(n); ret f(n + 1); end; f 0 }}" },
        { "huge output", "{{ for i in 1..150 }}{{ 'xxxxxxxxxx' * 1000 }}{{ end }}" },
        { "string doubling", "{{ a = 'A'; for i in 1..30; a = a + a; end; a }}" },
        { "huge range", "{{ 1..100000000 | array.size }}" },
        { "string multiplication", "{{ 'A' * 200000000 }}" },
        { "eval of a value", "{{ object.eval_template first_name }}" },
        { "include", "{{ include 'secrets.txt' }}" },
        { "clock", "{{ date.now }}" },
        { "regex", "{{ regex.match 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa!' '(a+)+$' }}" },
        { "unknown variable", "Hi {{ frist_name }}" },
        { ".NET member", "{{ first_name.length }}{{ first_name.get_type }}" },
        { "empty output", "{{ '' }}" },
        { "a failing branch", "Hi\n{{ if user_news }}{{ while true }}x{{ end }}{{ end }}" },
    };

    [Fact]
    public void Validate_GoodTemplate_HasNoErrors() =>
        Assert.Empty(TemplateValidator.Validate(DraftingStrategy.OwnTheGap, "Catching up, {{ first_name }}", GoodBody));

    [Fact]
    public void Validate_EveryBuiltInTemplate_HasNoErrors()
    {
        foreach (var strategy in Enum.GetValues<DraftingStrategy>())
        foreach (var tone in Enum.GetValues<Tone>())
        {
            var source = DraftComposer.BuiltInTemplate(strategy, tone);
            Assert.Contains("{{", source.Body);
            Assert.Empty(TemplateValidator.Validate(strategy, source.Subject, source.Body));
        }
    }

    [Fact]
    public void Validate_SyntaxError_ReportsFieldLineAndColumn()
    {
        var error = Assert.Single(TemplateValidator.Validate(DraftingStrategy.OwnTheGap, "Hi", "Hello,\n\nSee {{ for }} you"));
        Assert.Equal(("body", 3, 12), (error.Field, error.Line, error.Column)); // where the missing expression should be
        Assert.StartsWith("Line 3, column 12: ", error.ToFieldError().Message);
    }

    [Fact]
    public void Validate_UnclosedBlockInSubject_ReportsTheSubject()
    {
        var errors = TemplateValidator.Validate(DraftingStrategy.OwnTheGap, "Hi {{ if first_name }}you", "Body");
        Assert.All(errors, e => Assert.Equal("subject", e.Field));
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Validate_UnknownVariable_ReportsWhereItIs()
    {
        var error = Assert.Single(TemplateValidator.Validate(DraftingStrategy.OwnTheGap, "Hi", "Hello,\n  {{ frist_name }}"));
        Assert.Equal(("body", 2, 6), (error.Field, error.Line, error.Column));
        Assert.Contains("frist_name", error.Message);
    }

    [Theory]
    [InlineData(null, "body", "subject")]
    [InlineData("subject", "  ", "body")]
    public void Validate_EmptyPart_IsRefused(string? subject, string? body, string field) =>
        Assert.Equal(field, Assert.Single(TemplateValidator.Validate(DraftingStrategy.OwnTheGap, subject, body)).Field);

    [Fact]
    public void Validate_FailureOnlyInTheOtherTone_IsRefused() =>
        Assert.NotEmpty(TemplateValidator.Validate(DraftingStrategy.OwnTheGap, "Hi",
            "Hi{{ if tone == 'professional' }}{{ while true }}x{{ end }}{{ end }}"));

    [Fact]
    public void Validate_DeeplyNestedExpression_IsRefusedByTheParserNotTheStack() =>
        Assert.NotEmpty(TemplateValidator.Validate(DraftingStrategy.OwnTheGap, "Hi",
            "{{ " + new string('(', 4900) + "1" + new string(')', 4900) + " }}"));

    [Fact]
    public void Validate_TooLong_IsRefused() =>
        Assert.Equal("body", Assert.Single(TemplateValidator.Validate(DraftingStrategy.OwnTheGap, "s", new string('x', 10_001))).Field);

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Validate_HostileTemplate_IsRefused(string why, string body) =>
        Assert.True(TemplateValidator.Validate(DraftingStrategy.OwnTheGap, "Hi", body).Count > 0, why);

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Compose_HostileTemplate_FallsBackToTheBuiltInWithAWarning(string why, string body)
    {
        var composer = new DraftComposer();
        var spec = Spec("own-the-gap", "warm", ("userNews", "I changed teams."));
        var builtIn = composer.Compose(Crystal(), spec);

        var draft = composer.Compose(Crystal(), spec, new UserTemplate("Hi", body));

        Assert.Equal(builtIn with { Warnings = draft.Warnings }, draft);
        Assert.Contains("built-in", Assert.Single(draft.Warnings));
        _ = why;
    }

    [Fact]
    public void Compose_TemplateThatNoLongerParses_FallsBackWithAWarning()
    {
        var draft = new DraftComposer().Compose(Crystal(), Spec("own-the-gap", "warm"), new UserTemplate("Hi", "{{ if }}"));
        Assert.Contains("no longer parses", Assert.Single(draft.Warnings));
        Assert.StartsWith("Hi Crystal,", draft.TextBody);
    }

    [Fact]
    public void Compose_MultiLineSubject_FallsBack()
    {
        var draft = new DraftComposer().Compose(Crystal(), Spec("own-the-gap", "warm"), new UserTemplate("Hi\n\nthere", "Body"));
        Assert.Single(draft.Warnings);
    }

    [Fact]
    public void Compose_GoodUserTemplate_IsUsedForBothTones()
    {
        var composer = new DraftComposer();
        var template = new UserTemplate("Catching up, {{ first_name }}", GoodBody);
        var context = Crystal(Now.AddDays(-650), "Re: Great meeting you at DevSummit");

        foreach (var tone in (string[])["warm", "professional"])
        {
            var draft = composer.Compose(context, Spec("own-the-gap", tone, ("userNews", "I changed teams")), template);
            Assert.Empty(draft.Warnings);
            Assert.Equal("Catching up, Crystal", draft.Subject);
            Assert.Equal("Hey Crystal,\n\nIt's been almost two years. Remember DevSummit?\nI changed teams.\n\nCoffee soon?\nJon", draft.TextBody);
            Assert.Equal("<p>Hey Crystal,</p>\n<p>It&#39;s been almost two years. Remember DevSummit?<br>I changed teams.</p>\n<p>Coffee soon?<br>Jon</p>", draft.HtmlBody);
        }
    }

    [Fact]
    public void Render_PastTheTimeout_IsStopped()
    {
        var errors = new List<TemplateError>();
        var template = DraftTemplate.Parse("Hi", "{{ for i in 1..150 }}{{ i | string.md5 }}{{ end }}", errors)!;

        Assert.False(DraftRendering.TryRender(template, DraftModel.Sample(DraftingStrategy.OwnTheGap, Tone.Warm, full: true),
            TimeSpan.Zero, out _, out var error));
        Assert.Contains("too long", error.Message);
    }

    [Fact]
    public void Compose_ManyThreadsSharingTemplates_RenderTheSameDraft()
    {
        var composer = new DraftComposer();
        var spec = Spec("share-something-relevant", "warm", ("link", "https://example.com/x"), ("whyRelevant", "You asked."));
        var user = new UserTemplate("Hi {{ first_name }}", GoodBody);
        var expectedBuiltIn = composer.Compose(Crystal(), spec);
        var expectedUser = composer.Compose(Crystal(), spec, user);

        Parallel.For(0, 2_000, i =>
        {
            // Fresh but equal template records: the cache keys on their text.
            var draft = i % 2 == 0 ? composer.Compose(Crystal(), spec) : composer.Compose(Crystal(), spec, user with { });
            Assert.Equal(i % 2 == 0 ? expectedBuiltIn : expectedUser, draft with { Warnings = (i % 2 == 0 ? expectedBuiltIn : expectedUser).Warnings });
        });
    }
}
