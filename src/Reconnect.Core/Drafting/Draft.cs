namespace Reconnect.Core.Drafting;

/// <summary>Who the draft goes to.</summary>
/// <param name="DisplayName">As mail or contacts have it (any format: "Cory, Crystal", "Crystal Cory (Fabrikam)").</param>
/// <param name="Address">The best address: the one most recently used with them (the caller's choice).</param>
public sealed record DraftRecipient(string? DisplayName, string Address);

/// <summary>What the mail history knows about the person, for filling a draft in.</summary>
/// <param name="SenderDisplayName">The user's own display name, which signs the draft off.</param>
/// <param name="LastContact">The last contact with them; <c>null</c> for a contact with no mail.</param>
/// <param name="Now">The host's "now" (<c>TimeProvider</c> / <c>Clock:Now</c>): the core has no clock.</param>
/// <param name="FirstThreadSubject">The subject of the first thread with them, e.g. "Great meeting you at DevSummit".</param>
/// <param name="LastContactWasMeeting">The last contact was a meeting, so the draft can say "since we last met".</param>
public sealed record DraftContext(
    DraftRecipient Recipient,
    string? SenderDisplayName,
    DateTimeOffset? LastContact,
    DateTimeOffset Now,
    string? FirstThreadSubject = null,
    bool LastContactWasMeeting = false);

/// <summary>The address a draft goes to, as <c>POST /api/drafts</c> answers it.</summary>
public sealed record DraftAddress(string Name, string Address);

/// <summary>A rendered draft, ready for <c>displayNewMessageForm</c>.</summary>
/// <param name="HtmlBody">Only <c>&lt;p&gt;</c>, <c>&lt;br&gt;</c> and the shared link's <c>&lt;a href&gt;</c>; every other character is text.</param>
/// <param name="TextBody">The same message as plain text, paragraphs separated by a blank line.</param>
/// <param name="Warnings">Why the built-in template was used instead of the user's own, if it was.</param>
public sealed record Draft(
    DraftAddress To,
    string Subject,
    string HtmlBody,
    string TextBody,
    DraftingStrategy Strategy,
    Tone Tone,
    IReadOnlyList<string> Warnings);
