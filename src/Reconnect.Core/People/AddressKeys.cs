using Reconnect.Core.Correspondence;

namespace Reconnect.Core.People;

/// <summary>What an address says about who owns it, beyond its exact spelling.</summary>
public static class AddressKeys
{
    /// <summary>
    /// Mailbox providers where anyone gets an address: two addresses there say nothing about an
    /// employer. Matched on the first label of the domain, whatever the suffix (gmail.com,
    /// yahoo.co.uk, personal.example).
    /// </summary>
    private static readonly HashSet<string> PersonalProviders = new(StringComparer.Ordinal)
    {
        "gmail", "googlemail", "outlook", "hotmail", "live", "msn", "yahoo", "ymail", "rocketmail", "icloud",
        "me", "mac", "aol", "proton", "protonmail", "pm", "gmx", "web", "fastmail", "zoho", "yandex",
        "hey", "tutanota", "tuta", "comcast", "verizon", "att", "sbcglobal", "btinternet", "orange", "free",
        "laposte", "t-online", "freenet", "libero", "qq", "163", "126", "naver", "personal", "home", "family",
        "mail", "email", "mailbox", "post", "posteo", "runbox", "hushmail", "inbox", "excite", "earthlink", "juno", "netzero", "rediffmail",
    };

    /// <summary>
    /// The mailbox an address delivers to: plus-tags dropped (<c>a+news@x</c> is <c>a@x</c>), and
    /// for Gmail, dots dropped and googlemail.com read as gmail.com (Google delivers them all to one
    /// inbox). Two addresses with one key are one mailbox, so one person.
    /// </summary>
    public static string Mailbox(string normalizedAddress)
    {
        var local = EmailAddress.LocalPart(normalizedAddress);
        var domain = EmailAddress.Domain(normalizedAddress);
        var plus = local.IndexOf('+');
        if (plus > 0)
        {
            local = local[..plus];
        }

        if (domain is "gmail.com" or "googlemail.com")
        {
            domain = "gmail.com";
            local = local.Replace(".", string.Empty, StringComparison.Ordinal);
        }

        return local + "@" + domain;
    }

    /// <summary>Whether an address is at a provider where anyone can have one, rather than an employer's or a school's.</summary>
    public static bool IsPersonalProvider(string normalizedAddress)
    {
        var domain = EmailAddress.Domain(normalizedAddress);
        // "gmail.com", "yahoo.co.uk": the provider is the first label. A longer name
        // ("hey.mail.university.edu") is an organisation's own mail host.
        var labels = domain.Split('.');
        return labels.Length <= 3 && PersonalProviders.Contains(labels[0]);
    }
}
