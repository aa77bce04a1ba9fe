using System.Text.RegularExpressions;
using Reconnect.Core.Drafting;
using static Reconnect.Core.Tests.Drafting.DraftFixtures;

namespace Reconnect.Core.Tests.Drafting;

/// <summary>Hostile text in every place a value comes from must come out as inert text.</summary>
public sealed partial class DraftInjectionTests
{
    public static TheoryData<string> Payloads() =>
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "javascript:alert(1)",
        "{{ 7 * 7 }}",
        "{{ object.eval_template '{{ 7 * 7 }}' }}",
        "{% raw %}{{ include 'x' }}",
        "&lt;b&gt;entity&lt;/b&gt;",
        "\uE000 marker",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Compose_PayloadInEveryValue_ComesOutInert(string payload)
    {
        var context = new DraftContext(
            new DraftRecipient($"Crystal {payload}", "crystal.cory@fabrikam.example"),
            $"Jon {payload}", Now.AddDays(-500), Now, $"RE: Great meeting you at {payload}");
        var composer = new DraftComposer();

        foreach (var tone in (string[])["warm", "professional"])
        {
            AssertInert(composer.Compose(context, Spec("share-something-relevant", tone,
                ("link", "https://example.com/a?q=\"><script>alert(1)</script>"), ("linkTitle", payload), ("whyRelevant", payload))), payload);
            AssertInert(composer.Compose(context, Spec("their-recent-activity", tone,
                ("activity", payload), ("userView", payload))), payload);
            AssertInert(composer.Compose(context, Spec("own-the-gap", tone, ("userNews", payload))), payload);
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Compose_PayloadInUserTemplateTextAndValues_ComesOutInert(string payload)
    {
        var template = new UserTemplate(
            "{{ first_subject }} " + payload.Replace("{{", "").Replace("}}", ""),
            $"Hi {{{{ recipient_name }}}} <b>bold</b> <a href=\"javascript:alert(1)\">x</a>\n\n{{{{ user_news }}}} {{{{ '<i>' + sender_name + '</i>' }}}}");
        var context = new DraftContext(new DraftRecipient(payload, "x@fabrikam.example"), payload, null, Now, payload);

        var draft = new DraftComposer().Compose(context, Spec("own-the-gap", "warm", ("userNews", payload)), template);

        Assert.Empty(draft.Warnings);
        AssertInert(draft, payload);
        Assert.Contains(payload.Replace("\uE000", "").Trim(), draft.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", draft.HtmlBody);
    }

    [Fact]
    public void Compose_LinkWithQuotesAndAngleBrackets_IsEscapedInTheHref()
    {
        var draft = new DraftComposer().Compose(Crystal(), Spec("share-something-relevant", "warm",
            ("link", "https://example.com/a?q=\"><script>alert(1)</script>&x=1")));

        var anchor = Assert.Single(AnchorTag().Matches(draft.HtmlBody)).Value;
        Assert.Equal("<a href=\"https://example.com/a?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&amp;x=1\">", anchor);
    }

    private static void AssertInert(Draft draft, string payload)
    {
        // The only markup a draft may hold: paragraphs, line breaks, and the one validated link.
        foreach (Match tag in Tag().Matches(draft.HtmlBody))
            Assert.Matches(@"^(<p>|</p>|<br>|</a>|<a href=""https://example\.com/[^""<>]*"">)$", tag.Value);
        Assert.DoesNotContain("javascript:alert(1)\"", draft.HtmlBody);

        // Scriban in a value is text: never evaluated, never included.
        foreach (var text in (string[])[draft.Subject, draft.TextBody])
        {
            Assert.DoesNotContain("49", text);
            Assert.DoesNotContain('\uE000', text);
        }
        Assert.DoesNotContain('\uE000', draft.HtmlBody);
        if (payload.StartsWith("{{ 7", StringComparison.Ordinal))
            Assert.Contains(payload, draft.TextBody);
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("<a [^>]*>")]
    private static partial Regex AnchorTag();
}
