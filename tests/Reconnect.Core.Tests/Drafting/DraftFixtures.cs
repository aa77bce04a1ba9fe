using Reconnect.Core.Drafting;

namespace Reconnect.Core.Tests.Drafting;

/// <summary>The people and inputs the drafting tests write to.</summary>
internal static class DraftFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static DraftContext Crystal(DateTimeOffset? lastContact = null, string? firstSubject = null) =>
        new(new DraftRecipient("Cory, Crystal", "crystal.cory@fabrikam.example"), "Doe, Jon (Contoso)",
            lastContact ?? Now.AddDays(-420), Now, firstSubject);

    public static DraftSpec Spec(string strategy, string tone, params (string Name, string? Value)[] inputs)
    {
        var values = inputs.ToDictionary(i => i.Name, i => i.Value);
        Assert.True(DraftSpec.TryCreate(strategy, tone, values, out var spec, out var errors),
            string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
        return spec;
    }

    /// <summary>A draft as a person reads it: headers, the text body, then the HTML.</summary>
    public static string Show(Draft draft) =>
        $"""
        To: {draft.To.Name} <{draft.To.Address}>
        Subject: {draft.Subject}

        {draft.TextBody}

        ---- html ----
        {draft.HtmlBody}

        """.ReplaceLineEndings("\n");
}
