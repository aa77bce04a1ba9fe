namespace Reconnect.Core.People;

/// <summary>
/// One person as the user knows them: the union of their addresses' history, judged once per sync
/// (the expensive part) so that staleness and ranking at request time only read these numbers.
/// </summary>
/// <remarks>
/// Built by <see cref="PeopleBuilder.Build"/>; the API materialises it into a table and reads it back
/// with the same property values. Mail counts and dates come from the correspondence index; the
/// exchange count, rhythm, personal-contact date and worth come from the interactions.
/// </remarks>
public sealed record PersonProfile
{
    /// <summary>Stable id, see <see cref="PersonIds"/>: it only changes when a merge brings a smaller address.</summary>
    public required string PersonId { get; init; }

    /// <summary>Contact name, else the name they gave themselves, else the best address.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Their first name for a greeting: the contact's given name, else the first word of a two-word name.</summary>
    public string? GivenName { get; init; }

    /// <summary>Every address, the one most recently used with them first; addresses without mail last.</summary>
    public required IReadOnlyList<string> Addresses { get; init; }

    public string? ContactId { get; init; }

    public AutomatedVerdict Automated { get; init; } = AutomatedVerdict.Person;

    public bool IsAutomated => Automated.IsAutomated;

    /// <summary>
    /// Every address with history is a role address (info@, support@, team@) that the user wrote to,
    /// and no contact card says whose: a person by the classifier's rule (someone answers it), but
    /// a shared mailbox, not one person to reconnect with. Never suggested.
    /// </summary>
    public bool IsSharedMailbox { get; init; }

    public int SentCount { get; init; }
    public int ReceivedCount { get; init; }
    /// <summary>Meetings with them that count (<see cref="Meetings.MeetingRules"/>), of any size.</summary>
    public int MeetingCount { get; init; }

    /// <summary>
    /// Meetings with them of at most <see cref="PeopleBuilder.PersonalGroupLimit"/> people: the ones a
    /// reason may mention ("met twice"); a seat at an all-hands is not a meeting with them.
    /// </summary>
    public int PersonalMeetingCount { get; init; }

    /// <summary>The first meeting with them that counts, of any size.</summary>
    public DateTime? FirstMeeting { get; init; }

    /// <summary>The last meeting with them that counts, of any size ("last met").</summary>
    public DateTime? LastMeeting { get; init; }

    public DateTime? FirstSent { get; init; }
    public DateTime? LastSent { get; init; }
    public DateTime? FirstReceived { get; init; }
    public DateTime? LastReceived { get; init; }

    /// <summary>The first interaction of any kind, either way.</summary>
    public DateTime? FirstContact { get; init; }

    /// <summary>The last interaction of any kind, either way (what the correspondents list shows).</summary>
    public DateTime? LastContact { get; init; }

    /// <summary>
    /// The last personal contact: the latest interaction in a small group (at most
    /// <see cref="PeopleBuilder.PersonalGroupLimit"/> people) without bulk headers. A friend who later
    /// shows up on a 40-person announcement has not been in touch; silence is measured from here.
    /// Equals <see cref="LastContact"/> when no interaction qualifies.
    /// </summary>
    public DateTime? LastPersonalContact { get; init; }

    /// <summary>
    /// Replies: how many times the conversation changed hands within
    /// <see cref="PeopleBuilder.ReplyWindow"/> in small-group, non-bulk mail (plus small meetings).
    /// See <see cref="PeopleBuilder"/> for why.
    /// </summary>
    public int TwoWayExchanges { get; init; }

    /// <summary>The median gap between days with an interaction; null under three such days.</summary>
    public TimeSpan? UsualRhythm { get; init; }

    /// <summary>What the relationship was worth, from history alone (formula in <see cref="PeopleBuilder"/>).</summary>
    public double Worth { get; init; }

    /// <summary>A contact the user never exchanged mail with.</summary>
    public bool NoMailYet => FirstContact is null;

    /// <summary>How long the relationship lasted, first to last contact.</summary>
    public TimeSpan Duration => FirstContact is { } first && LastContact is { } last ? last - first : TimeSpan.Zero;
}
