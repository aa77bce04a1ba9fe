using Reconnect.Core.Correspondence;

namespace Reconnect.Core.People;

/// <summary>What the index knows of one sender, enough to tell a machine from a person.</summary>
/// <param name="TwoWayExchanges">Replies in small-group, non-bulk mail with this address (see
/// <see cref="PersonProfile.TwoWayExchanges"/>); 0 when unknown.</param>
public sealed record SenderStats(string Address, int SentCount, int ReceivedCount, int BulkCount, int OtherCount, int TwoWayExchanges = 0);

/// <summary>Whether a sender is a machine or bulk mail, and the plain reasons why.</summary>
public sealed record AutomatedVerdict(bool IsAutomated, IReadOnlyList<string> Reasons)
{
    public static readonly AutomatedVerdict Person = new(false, []);

    /// <summary>The user said so ("not a person"): final for that user, whatever the mail says.</summary>
    public static readonly AutomatedVerdict MarkedByUser = new(true, [MarkedByUserReason]);

    public const string MarkedByUserReason = "you marked it as not a person";
}

/// <summary>
/// Tells machines and bulk mail from people. Headers a sender puts on its own mail speak loudest;
/// then the address; then behaviour.
/// </summary>
/// <remarks>
/// The rule of the issue: a sender the user has written to is a person unless the headers say
/// otherwise. "Say otherwise" means: every message from them carried bulk headers, or at least
/// 80 % did and the user never had a real exchange with them. A friend who posts to a mailing list
/// (List-Id on those posts) and writes privately too stays a person; a newsletter the user once
/// answered does not. No-reply and machine-generated addresses (bounce tokens) are machines even
/// when written to: a reply to them reaches nobody. Role addresses (info@, support@) and the
/// behaviour rules only apply to senders the user never wrote to: a user who writes to
/// hello@janedoe.example is talking to someone.
/// </remarks>
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
        "reply", "replies", "reminder", "reminders", "account", "customerservice", "customer", "care",
        "membership", "members", "hr", "recruiting", "talent", "editor", "editors", "promo", "promotions",
        "offers", "deals", "shop", "store", "rewards", "confirm", "confirmation", "verify", "verification",
        "do", "not", "auto", "robot", "bot", "ops", "it", "root", "abuse", "privacy", "legal", "compliance",
    };

    /// <summary>First labels of sending hosts that mass mailers use (news.brand.example, em.brand.example).</summary>
    private static readonly HashSet<string> BulkHostLabels = new(StringComparer.Ordinal)
    {
        "news", "newsletter", "newsletters", "email", "em", "e", "mailer", "mailing", "mailings", "marketing",
        "notify", "notification", "notifications", "alerts", "bounce", "bounces", "campaign", "campaigns",
        "mkt", "updates", "lists", "promo", "offers", "info", "mg", "sg", "mta",
    };

    /// <summary>Received this many, answered none: a broadcast, not a conversation.</summary>
    private const int UnansweredBroadcastThreshold = 10;

    /// <summary>Outlook's "Other" is a guess; it needs a few messages and a majority to count.</summary>
    private const int OtherMinimumReceived = 3;

    public static AutomatedVerdict Classify(SenderStats sender)
    {
        var reasons = new List<string>();
        var local = EmailAddress.LocalPart(sender.Address);
        var domain = EmailAddress.Domain(sender.Address);
        var wroteToThem = sender.SentCount > 0;

        if (HeadersSayBulk(sender, wroteToThem))
        {
            reasons.Add($"{sender.BulkCount} of their {Plural(sender.ReceivedCount, "message")} carried bulk-mail headers (List-Unsubscribe, List-Id, Precedence or Auto-Submitted)");
        }

        if (IsNoReply(local))
        {
            reasons.Add("the address says it takes no replies");
        }
        else if (IsMachineGenerated(local))
        {
            reasons.Add("the address is a machine-generated token, not a person's");
        }
        else if (!wroteToThem && IsRole(local))
        {
            reasons.Add($"\"{local}@\" is a role address, not a person's");
        }

        if (!wroteToThem && IsBulkHost(domain))
        {
            reasons.Add($"\"{domain}\" is a mass-mailing host");
        }

        if (!wroteToThem && sender.ReceivedCount >= OtherMinimumReceived && sender.OtherCount * 2 >= sender.ReceivedCount)
        {
            reasons.Add("Outlook files most of their mail under Other, and you never wrote to them");
        }

        if (!wroteToThem && sender.ReceivedCount >= UnansweredBroadcastThreshold)
        {
            reasons.Add($"{sender.ReceivedCount} messages received and none ever answered");
        }

        return reasons.Count == 0 ? AutomatedVerdict.Person : new AutomatedVerdict(true, reasons);
    }

    /// <summary>
    /// Whether a local part names a function (info, support, team.news) rather than a person. A
    /// written-to role address is still a person for <see cref="Classify"/>, but a shared mailbox
    /// is a weak relationship, which the ranking discounts.
    /// </summary>
    public static bool IsRoleAddress(string normalizedAddress) => IsRole(EmailAddress.LocalPart(normalizedAddress));

    private static bool HeadersSayBulk(SenderStats sender, bool wroteToThem)
    {
        if (sender.BulkCount <= 0)
        {
            return false;
        }

        if (!wroteToThem)
        {
            return true;
        }

        var allBulk = sender.BulkCount >= sender.ReceivedCount;
        var mostlyBulk = sender.BulkCount * 5 >= sender.ReceivedCount * 4;
        return allBulk || (mostlyBulk && sender.TwoWayExchanges == 0);
    }

    private static bool IsNoReply(string local)
    {
        var bare = local.Split('+', 2)[0];
        return bare.Contains("noreply", StringComparison.Ordinal) || bare.Contains("donotreply", StringComparison.Ordinal)
            || NoReplyParts.Any(part => bare == part || bare.StartsWith(part + "-", StringComparison.Ordinal)
            || bare.StartsWith(part + ".", StringComparison.Ordinal) || bare.StartsWith(part + "_", StringComparison.Ordinal)
            || bare.EndsWith("-" + part, StringComparison.Ordinal) || bare.EndsWith("." + part, StringComparison.Ordinal)
            || bare.EndsWith("_" + part, StringComparison.Ordinal));
    }

    // VERP and bounce addresses ("bounce-1234=user=example.com@", "reply+AB12CD34EF56AB78@",
    // "0100018b2f3a4c5d-9e8f...@"): nobody types these, people never get them.
    private static bool IsMachineGenerated(string local)
    {
        if (local.Contains('='))
        {
            return true;
        }

        foreach (var token in local.Split(['+', '.', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Length < 16)
            {
                continue;
            }

            var digits = token.Count(char.IsAsciiDigit);
            if (digits * 4 >= token.Length && token.All(char.IsAsciiLetterOrDigit))
            {
                return true;
            }
        }

        return false;
    }

    // "info", "team.support", "news-updates": every word of the local part names a function.
    private static bool IsRole(string local)
    {
        var words = local.Split('+', 2)[0].Split(['.', '-', '_'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words.All(RoleParts.Contains);
    }

    private static bool IsBulkHost(string domain)
    {
        var labels = domain.Split('.');
        return labels.Length >= 3 && BulkHostLabels.Contains(labels[0]);
    }

    private static string Plural(int count, string noun) => count == 1 ? $"{count} {noun}" : $"{count} {noun}s";
}
