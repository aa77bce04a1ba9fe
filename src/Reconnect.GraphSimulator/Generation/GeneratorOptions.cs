namespace Reconnect.GraphSimulator.Generation;

/// <summary>Options of <see cref="MailboxGenerator"/>. The same options always produce the same bytes.</summary>
public sealed class GeneratorOptions
{
    /// <summary>Lines of the initial <c>messages.jsonl</c> (folder copies included). At least 250.</summary>
    public int MessageCount { get; set; } = 20_000;

    /// <summary>Seed of every random choice.</summary>
    public long Seed { get; set; } = 1;

    /// <summary>The mailbox's "today": no initial message is later (bar a few bogus dates in junk).</summary>
    public DateTimeOffset Now { get; set; } = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How many years of mail before <see cref="Now"/>.</summary>
    public int YearsOfHistory { get; set; } = 6;

    /// <summary>Write <c>messages.jsonl.gz</c> instead of <c>messages.jsonl</c>.</summary>
    public bool Gzip { get; set; }

    /// <summary>How many <c>changes/NNN.jsonl</c> files to write (0 for none).</summary>
    public int ChangeBatches { get; set; } = 3;

    /// <summary>Lines of each change file as a fraction of <see cref="MessageCount"/> (at least 12 lines a file).</summary>
    public double ChangeRate { get; set; } = 0.01;

    /// <summary>
    /// Also write <c>events.jsonl</c> (a calendar around the planted people) and <c>expected-meetings.csv</c>.
    /// Off by default: a recent meeting takes some stale friends out of expected-people.csv's truth.
    /// </summary>
    public bool Calendar { get; set; }

    public string UserDisplayName { get; set; } = "Morgan Ellis";

    /// <summary>The user's <c>mail</c>; the domain also names the user's company.</summary>
    public string UserMail { get; set; } = "morgan.ellis@northwind.example";

    /// <summary>Deliberately different from <see cref="UserMail"/>, as in many tenants.</summary>
    public string UserPrincipalName { get; set; } = "mellis@northwind.example";

    /// <summary>Extra <c>smtp:</c> aliases in <c>proxyAddresses</c>.</summary>
    public IList<string> UserAliases { get; set; } = ["morgan@northwind.example", "m.ellis@northwind-old.example"];

    internal void Validate()
    {
        if (MessageCount < 250)
        {
            throw new ArgumentOutOfRangeException(nameof(MessageCount), MessageCount, "At least 250 messages are needed to plant every kind of correspondent.");
        }
        if (ChangeBatches is < 0 or > 999)
        {
            throw new ArgumentOutOfRangeException(nameof(ChangeBatches), ChangeBatches, "0 to 999 change files.");
        }
        if (ChangeRate is < 0 or > 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(ChangeRate), ChangeRate, "0 to 0.5.");
        }
        if (YearsOfHistory is < 3 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(YearsOfHistory), YearsOfHistory, "3 to 30 years.");
        }
        if (!UserMail.Contains('@') || !UserPrincipalName.Contains('@'))
        {
            throw new ArgumentException("UserMail and UserPrincipalName must be SMTP addresses.");
        }
    }
}
