using Reconnect.Core.Correspondence;

namespace Reconnect.Core.People;

/// <summary>What the index knows of one sender, enough to tell a machine from a person.</summary>
public sealed record SenderStats(string Address, int SentCount, int ReceivedCount, int BulkCount, int OtherCount);

/// <summary>Whether a sender is a machine or bulk mail, and the plain reasons why.</summary>
public sealed record AutomatedVerdict(bool IsAutomated, IReadOnlyList<string> Reasons)
{
    public static readonly AutomatedVerdict Person = new(false, []);
}

/// <summary>
/// Tells machines and bulk mail from people. Headers a sender puts on its own mail speak loudest;
/// then the address; then behaviour. A sender the user has written to is a person unless the
/// headers or a no-reply address say otherwise.
/// </summary>
public static class AutomatedSenders
{
    /// <summary>Senders that say they take no answer.</summary>
    private static readonly string[] NoReplyParts =
    [
        "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "dontreply",
        "mailer-daemon", "postmaster", "bounce", "bounces",
    ];

    /// <summary>Mailboxes of a function, not a person: machines or many people behind them.</summary>
    private static readonly HashSet<string> RoleParts = new(StringComparer.Ordinal)
    {
        "info", "support", "team", "news", "newsletter", "newsletters", "notification", "notifications",
        "notify", "alerts", "alert", "updates", "update", "digest", "marketing", "sales", "billing",
        "admin", "administrator", "help", "helpdesk", "service", "services", "contact", "hello",
        "feedback", "events", "jobs", "careers", "press", "media", "orders", "receipts", "invoice",
        "invoices", "accounts", "security", "system", "automated", "mailer", "daemon", "webmaster",
        "subscriptions", "community", "announce", "announcements", "list", "office", "calendar",
    };

    /// <summary>Received this many, answered none: a broadcast, not a conversation.</summary>
    private const int UnansweredBroadcastThreshold = 10;

    public static AutomatedVerdict Classify(SenderStats sender)
    {
        var reasons = new List<string>();
        var local = EmailAddress.LocalPart(sender.Address);
        var wroteToThem = sender.SentCount > 0;

        if (sender.BulkCount > 0 && (!wroteToThem || sender.BulkCount * 2 >= sender.ReceivedCount))
        {
            reasons.Add($"{sender.BulkCount} of their messages carried bulk-mail headers (List-Unsubscribe, List-Id, Precedence or Auto-Submitted)");
        }

        if (IsNoReply(local))
        {
            reasons.Add("the address says it takes no replies");
        }
        else if (!wroteToThem && IsRole(local))
        {
            reasons.Add($"\"{local}@\" is a role address, not a person's");
        }

        if (!wroteToThem && sender.ReceivedCount >= 5 && sender.OtherCount * 2 >= sender.ReceivedCount)
        {
            reasons.Add("Outlook files most of their mail under Other, and you never wrote to them");
        }

        if (!wroteToThem && sender.ReceivedCount >= UnansweredBroadcastThreshold)
        {
            reasons.Add($"{sender.ReceivedCount} messages received and none ever answered");
        }

        return reasons.Count == 0 ? AutomatedVerdict.Person : new AutomatedVerdict(true, reasons);
    }

    private static bool IsNoReply(string local)
    {
        var bare = local.Split('+', 2)[0];
        return NoReplyParts.Any(part => bare == part || bare.StartsWith(part + "-", StringComparison.Ordinal)
            || bare.StartsWith(part + ".", StringComparison.Ordinal) || bare.EndsWith("-" + part, StringComparison.Ordinal)
            || bare.EndsWith("." + part, StringComparison.Ordinal) || bare.Contains("noreply", StringComparison.Ordinal));
    }

    // "info", "team.support", "news-updates": every word of the local part names a function.
    private static bool IsRole(string local)
    {
        var words = local.Split('+', 2)[0].Split(['.', '-', '_'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words.All(RoleParts.Contains);
    }
}
