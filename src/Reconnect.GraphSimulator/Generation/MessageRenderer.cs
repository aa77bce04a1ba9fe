using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Reconnect.GraphSimulator.Generation;

/// <summary>
/// Writes a <see cref="MessageSpec"/> as one Graph v1.0 message line. Every choice is drawn from the
/// spec's own seed, so a copy or a re-sent message renders the same envelope.
/// </summary>
internal sealed class MessageRenderer
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        // Readable fixtures: keep <, >, ' and non-ASCII as they are (these files are never HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private const string LegacyPrefix = "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=";

    private readonly GeneratorOptions _options;
    private readonly Population _pop;
    private readonly FolderSpec[] _folders;
    private readonly List<PlantedPerson> _active;
    private readonly List<PlantedPerson> _massPool;
    private readonly List<PlantedPerson> _lists;
    private readonly string _userDomain;
    private readonly string _userLegacy;

    public MessageRenderer(GeneratorOptions options, Population pop, FolderSpec[] folders)
    {
        _options = options;
        _pop = pop;
        _folders = folders;
        _active = pop.Of(PersonKind.ActiveColleague);
        _massPool = pop.Of(PersonKind.MassMailOnly);
        _lists = pop.Of(PersonKind.MailingList);
        _userDomain = pop.UserDomain;
        _userLegacy = LegacyPrefix + Hex(SeededRandom.Mix((ulong)options.Seed, 77)) + "-" + options.UserMail[..options.UserMail.IndexOf('@')].Replace(".", "", StringComparison.Ordinal);
    }

    public static string MessageId(long seed, int idNo) =>
        $"AAMkAGM{SeededRandom.Mix((ulong)seed, (ulong)idNo + 0x1D):x16}{idNo:D7}AAA=";

    public static string FormatDate(long ticks) =>
        new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Hex(ulong v) => v.ToString("x16", CultureInfo.InvariantCulture);

    public void WriteRemoval(Utf8JsonWriter w, int idNo)
    {
        w.WriteStartObject();
        w.WriteString("id", MessageId(_options.Seed, idNo));
        w.WriteStartObject("@removed");
        w.WriteString("reason", "deleted");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private readonly record struct Address(string? Name, string? Value, bool OmitAddress = false);

    public void Write(Utf8JsonWriter w, in MessageSpec s)
    {
        var rng = new SeededRandom(s.Seed);
        var person = s.Person >= 0 ? _pop.All[s.Person] : null;
        var fromUser = s.Category is MessageCategory.UserToPerson or MessageCategory.UserListPost or MessageCategory.UserMassMail
            or MessageCategory.Draft or MessageCategory.OutboxItem or MessageCategory.SelfNote;
        Address? from = null;
        Address? sender = null;
        var omitFrom = false;
        var to = new List<Address>();
        var cc = new List<Address>();
        var bcc = new List<Address>();
        var headers = new List<(string Name, string Value)>();
        var classification = "focused";
        string? subject;

        var threadRng = new SeededRandom(s.ThreadSeed);
        var depth = s.Depth;
        string? Threaded(string[] stems)
        {
            if (threadRng.Chance(0.015))
            {
                return null;
            }
            var stem = stems[threadRng.Next(stems.Length)];
            if (depth == 0)
            {
                return stem;
            }
            return rng.Next(20) switch { 0 => "FW: ", 1 => "Re: ", _ => "RE: " } + stem;
        }

        if (fromUser)
        {
            from = UserFrom(rng);
        }

        switch (s.Category)
        {
            case MessageCategory.PersonToUser:
            {
                var p = person!;
                from = new Address(NameOf(p, rng), Messy(PersonAddress(p, rng), rng, 0.08));
                if (rng.Chance(0.03))
                {
                    // Sent on their behalf by an assistant: Sender differs from From.
                    sender = new Address("Executive Assistant", "assistant@" + Domain(p.Addresses[0]));
                }
                if (rng.Chance(0.05))
                {
                    to.Add(Team());
                    cc.Add(UserAsRecipient(rng));
                }
                else
                {
                    to.Add(UserAsRecipient(rng));
                }
                if (rng.Chance(0.2))
                {
                    AddOthers(cc, rng, rng.Next(1, 5), p);
                }
                if (rng.Chance(0.03))
                {
                    headers.Add(("Auto-Submitted", "no"));
                }
                if (rng.Chance(0.05))
                {
                    headers.Add(("X-Mailer", "Microsoft Outlook 16.0"));
                }
                classification = rng.Chance(0.92) ? "focused" : "other";
                subject = Threaded(p.Kind is PersonKind.ActiveColleague or PersonKind.RoleAddress ? NameData.WorkSubjects : NameData.FriendSubjects);
                break;
            }
            case MessageCategory.UserToPerson:
            {
                var p = person!;
                var address = PersonAddress(p, rng);
                to.Add(new Address(NameOf(p, rng), Messy(address, rng, 0.1)));
                if (p.Kind != PersonKind.RoleAddress)
                {
                    if (rng.Chance(0.15)) AddOthers(cc, rng, rng.Next(1, 4), p, colleaguesOnly: true);
                    if (rng.Chance(0.03)) bcc.Add(Colleague(rng, p));
                    if (rng.Chance(0.02)) cc.Add(Team());
                }
                if (rng.Chance(0.03)) cc.Add(new Address(NameOf(p, rng), Legacy(p)));
                if (rng.Chance(0.01)) cc.Add(new Address(p.DisplayName, Imceaex(p)));
                if (rng.Chance(0.02)) cc.Add(NoAddress(rng));
                if (rng.Chance(0.02)) cc.Add(new Address(_options.UserDisplayName, _options.UserMail));
                if (rng.Chance(0.015))
                {
                    // The same person twice, differently spelled: counts once.
                    cc.Add(new Address(p.DisplayName, address.ToUpperInvariant()));
                }
                subject = Threaded(p.Kind is PersonKind.ActiveColleague or PersonKind.RoleAddress or PersonKind.NeverReplied
                    ? NameData.WorkSubjects : NameData.FriendSubjects);
                break;
            }
            case MessageCategory.Newsletter:
            {
                var p = person!;
                var domain = Domain(p.Addresses[0]);
                from = new Address(p.DisplayName, rng.Chance(0.05) ? Population.MixedCase(p.Addresses[0]) : p.Addresses[0]);
                if ((p.Profile & 8) != 0)
                {
                    sender = new Address(p.DisplayName, $"bounce-{Hex(rng.NextULong())[..10]}@em.{domain}");
                }
                if (rng.Chance(0.9)) to.Add(UserAsRecipient(rng));
                var profile = p.Profile & 7;
                if (profile == 0) profile = 1;
                if ((profile & 1) != 0)
                {
                    headers.Add(("List-Unsubscribe", $"<mailto:unsubscribe@{domain}>, <https://{domain}/u/{Hex(rng.NextULong())}>"));
                    headers.Add(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
                }
                if ((profile & 2) != 0) headers.Add(("List-Id", $"{p.DisplayName} <{Local(p.Addresses[0])}.{domain}>"));
                if ((profile & 4) != 0) headers.Add(("Precedence", rng.Chance(0.9) ? "bulk" : "Bulk"));
                classification = rng.Chance(0.85) ? "other" : "focused";
                subject = p.Topic.EndsWith('#') ? p.Topic + rng.Next(1, 400).ToString(CultureInfo.InvariantCulture) : p.Topic;
                break;
            }
            case MessageCategory.Notification:
            {
                var p = person!;
                from = new Address(p.DisplayName, p.Addresses[0]);
                to.Add(UserAsRecipient(rng));
                var local = Local(p.Addresses[0]);
                // Senders whose address does not say "machine" always carry Auto-Submitted.
                if (local is not ("notifications" or "notification") || rng.Chance(0.6))
                {
                    headers.Add(("Auto-Submitted", "auto-generated"));
                }
                headers.Add(("X-Auto-Response-Suppress", "All"));
                classification = rng.Chance(0.5) ? "other" : "focused";
                subject = p.Topic;
                break;
            }
            case MessageCategory.NoReply:
            {
                var p = person!;
                from = new Address(p.DisplayName, p.Addresses[0]);
                to.Add(UserAsRecipient(rng));
                var bounce = Local(p.Addresses[0]).ToLowerInvariant() is "mailer-daemon" or "postmaster";
                if (rng.Chance(0.5)) headers.Add(("Auto-Submitted", bounce ? "auto-replied" : "auto-generated"));
                classification = rng.Chance(0.6) ? "other" : "focused";
                subject = p.Topic.EndsWith(": ", StringComparison.Ordinal) ? p.Topic + rng.Pick(NameData.WorkSubjects) : p.Topic;
                break;
            }
            case MessageCategory.ListPost:
            case MessageCategory.UserListPost:
            {
                var list = ListOf(s);
                var listAddress = list.Addresses[0];
                var listDomain = Domain(listAddress);
                if (s.Category == MessageCategory.ListPost)
                {
                    var p = person!;
                    from = new Address(NameOf(p, rng), Messy(p.Addresses[0], rng, 0.05));
                    sender = new Address(list.DisplayName, $"{list.Topic}-bounces@{listDomain}");
                    if (rng.Chance(0.15)) cc.Add(new Address(null, _options.UserMail));
                }
                to.Add(new Address(list.DisplayName, listAddress));
                // The user's own post has no list headers in Sent Items; the echo from the list has them.
                if (s.Category == MessageCategory.ListPost || s.Folder != FolderLayout.SentItems)
                {
                    headers.Add(("List-Id", $"<{list.Topic}.{listDomain}>"));
                    headers.Add(("List-Unsubscribe", $"<mailto:{list.Topic}-leave@{listDomain}>"));
                    headers.Add(("List-Post", $"<mailto:{listAddress}>"));
                    if (ListSendsPrecedence(s.ThreadSeed)) headers.Add(("Precedence", "list"));
                }
                // "RE: [dev] Subject", as list software tags the original and clients prefix replies.
                var stem = Threaded(NameData.WorkSubjects);
                var prefixLength = stem is null || depth == 0 ? 0 : stem.IndexOf(": ", StringComparison.Ordinal) + 2;
                subject = stem is null ? null : $"{stem[..prefixLength]}[{list.Topic}] {stem[prefixLength..]}";
                break;
            }
            case MessageCategory.Announcement:
            {
                var p = person!;
                from = new Address($"{p.DisplayName} (CEO)", p.Addresses[0]);
                to.Add(new Address("All Staff", $"all-staff@{_userDomain}"));
                if (rng.Chance(0.3)) to.Add(UserAsRecipient(rng));
                var count = rng.Next(30, 301);
                for (var i = 0; i < count; i++)
                {
                    var q = rng.Chance(0.8) ? _massPool[rng.Next(_massPool.Count)] : _active[rng.Next(_active.Count)];
                    cc.Add(new Address(NameOf(q, rng), q.Addresses[0]));
                }
                subject = rng.Chance(0.5) ? "All hands: quarterly update" : "Org announcement";
                break;
            }
            case MessageCategory.UserMassMail:
            {
                var count = rng.Next(30, 121);
                var target = rng.Chance(0.5) ? bcc : to;
                if (target == bcc) to.Add(new Address(_options.UserDisplayName, _options.UserMail));
                if (rng.Chance(0.2)) to.Add(new Address("undisclosed-recipients", "undisclosed-recipients:;"));
                for (var i = 0; i < count; i++)
                {
                    var q = _massPool[rng.Next(_massPool.Count)];
                    target.Add(new Address(NameOf(q, rng), Messy(q.Addresses[0], rng, 0.03)));
                }
                subject = rng.Pick((string[])["Holiday greetings", "Save the date: team offsite", "You're invited: launch party", "Farewell drinks"]);
                break;
            }
            case MessageCategory.Junk:
            {
                var word = rng.Pick((string[])["promo", "winner", "support", "billing", "info", "deals"]);
                from = new Address(rng.Pick((string[])["Prize Center", "Account Team", "Pharmacy", "Courier", ""]),
                    $"{word}{rng.Next(1000)}@{rng.Pick((string[])["spam", "deals-4u", "offers", "prize-zone"])}-{rng.Next(100)}.example");
                switch (rng.Next(10))
                {
                    case 0: break; // no recipients at all
                    case 1: to.Add(new Address("undisclosed-recipients", "undisclosed-recipients:;")); break;
                    default: to.Add(UserAsRecipient(rng)); break;
                }
                if (rng.Chance(0.3)) headers.Add(("Precedence", "junk"));
                classification = "other";
                subject = rng.Pick(NameData.JunkSubjects);
                break;
            }
            case MessageCategory.Draft:
            case MessageCategory.OutboxItem:
                if (person is not null)
                {
                    to.Add(new Address(NameOf(person, rng), PersonAddress(person, rng)));
                }
                subject = rng.Chance(0.1) ? null : rng.Pick((string[])["Long time no see", "Checking in", "Quick question", "Following up"]);
                break;
            case MessageCategory.SelfNote:
                to.Add(new Address(_options.UserDisplayName, rng.Next(3) switch
                {
                    0 => _options.UserMail,
                    1 => _options.UserPrincipalName,
                    _ => _options.UserAliases.Count > 0 ? _options.UserAliases[0] : _options.UserMail,
                }));
                subject = rng.Chance(0.2) ? null : rng.Pick((string[])["note to self", "reminder", "links for later"]);
                break;
            case MessageCategory.LegacyFrom:
            {
                var p = person!;
                from = new Address(NameOf(p, rng), rng.Chance(0.7) ? Legacy(p) : Imceaex(p));
                to.Add(UserAsRecipient(rng));
                subject = Threaded(NameData.WorkSubjects);
                break;
            }
            case MessageCategory.UserLegacyFrom:
            {
                // Exchange sometimes shows the owner's legacy DN as From: not an SMTP address, so nothing counts.
                var p = person!;
                from = new Address(_options.UserDisplayName, _userLegacy);
                to.Add(new Address(p.DisplayName, p.Addresses[0]));
                subject = Threaded(NameData.WorkSubjects);
                break;
            }
            case MessageCategory.BrokenFrom:
            {
                switch (rng.Next(6))
                {
                    case 0: omitFrom = true; break;
                    case 1: from = null; break;
                    case 2: from = new Address("Unknown Sender", null, OmitAddress: true); break;
                    case 3: from = new Address("Unknown Sender", ""); break;
                    case 4: from = new Address("Scanner", "scanner"); break;
                    default: from = new Address("Notes User", "IMCEANOTES-Notes+20User_ACME@namprd04.prod.outlook.example"); break;
                }
                to.Add(UserAsRecipient(rng));
                subject = rng.Chance(0.3) ? null : "Scanned document";
                break;
            }
            default:
                throw new InvalidOperationException(s.Category.ToString());
        }

        var sent = s.Ticks;
        var received = fromUser ? sent : sent + rng.Next(0, 180) * TimeSpan.TicksPerSecond;
        var domainForId = from?.Value is { } fv && fv.Contains('@') ? Domain(fv.Trim().Trim('<', '>', '"')) : "mail.example";

        w.WriteStartObject();
        w.WriteString("id", MessageId(_options.Seed, s.IdNo));
        w.WriteString("internetMessageId", $"<{Hex(s.Seed)[..12]}.{s.MessageNo}@{domainForId}>");
        w.WriteString("parentFolderId", _folders[s.Folder].Id);
        w.WriteBoolean("isDraft", s.Category == MessageCategory.Draft);
        w.WriteBoolean("isRead", s.IsRead);
        w.WriteString("sentDateTime", FormatDate(sent));
        w.WriteString("receivedDateTime", FormatDate(received));
        if (subject is null) w.WriteNull("subject"); else w.WriteString("subject", subject);
        if (!omitFrom)
        {
            WriteRecipient(w, "from", from);
            WriteRecipient(w, "sender", sender ?? from);
        }
        WriteList(w, "toRecipients", to);
        WriteList(w, "ccRecipients", cc);
        WriteList(w, "bccRecipients", bcc);
        if (headers.Count > 0)
        {
            w.WriteStartArray("internetMessageHeaders");
            foreach (var (name, value) in headers)
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("value", value);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteString("inferenceClassification", classification);
        w.WriteEndObject();
    }

    private static bool ListSendsPrecedence(ulong threadSeed) => (threadSeed >> 9) % 10 < 7;

    private PlantedPerson ListOf(in MessageSpec s) => _lists[(int)(s.ThreadSeed & 0xFF) - 1];

    private static void WriteRecipient(Utf8JsonWriter w, string? property, Address? a)
    {
        if (property is not null)
        {
            if (a is null)
            {
                w.WriteNull(property);
                return;
            }
            w.WriteStartObject(property);
        }
        else
        {
            w.WriteStartObject();
        }
        w.WriteStartObject("emailAddress");
        var v = a!.Value;
        if (v.Name is null) w.WriteNull("name"); else w.WriteString("name", v.Name);
        if (!v.OmitAddress)
        {
            if (v.Value is null) w.WriteNull("address"); else w.WriteString("address", v.Value);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter w, string property, List<Address> list)
    {
        w.WriteStartArray(property);
        foreach (var a in list)
        {
            WriteRecipient(w, null, a);
        }
        w.WriteEndArray();
    }

    private Address UserFrom(SeededRandom rng)
    {
        var address = rng.Next(100) switch
        {
            < 88 => _options.UserMail,
            < 93 => _options.UserPrincipalName,
            < 97 when _options.UserAliases.Count > 0 => _options.UserAliases[0],
            _ => Population.MixedCase(_options.UserMail),
        };
        return new Address(_options.UserDisplayName, address);
    }

    private Address UserAsRecipient(SeededRandom rng)
    {
        var address = rng.Next(100) switch
        {
            < 80 => _options.UserMail,
            < 88 => _options.UserPrincipalName,
            < 95 when _options.UserAliases.Count > 0 => _options.UserAliases[rng.Next(_options.UserAliases.Count)],
            _ => Messy(_options.UserMail, rng, 1.0),
        };
        return new Address(rng.Chance(0.9) ? _options.UserDisplayName : null, address);
    }

    private Address Team() => _pop.Of(PersonKind.RoleAddress) is { Count: > 2 } roles
        ? new Address(roles[2].DisplayName, roles[2].Addresses[0])
        : new Address("Team", $"team@{_userDomain}");

    private Address Colleague(SeededRandom rng, PlantedPerson exclude)
    {
        var q = _active[rng.Next(_active.Count)];
        if (q == exclude) q = _active[(_active.IndexOf(q) + 1) % _active.Count];
        return new Address(NameOf(q, rng), q.Addresses[0]);
    }

    private void AddOthers(List<Address> list, SeededRandom rng, int count, PlantedPerson exclude, bool colleaguesOnly = false)
    {
        for (var i = 0; i < count; i++)
        {
            if (colleaguesOnly || rng.Chance(0.5))
            {
                var c = Colleague(rng, exclude);
                if (c.Value is not null && exclude.Addresses.Contains(c.Value)) continue;
                list.Add(c);
            }
            else
            {
                var q = _massPool[rng.Next(_massPool.Count)];
                list.Add(new Address(NameOf(q, rng), q.Addresses[0]));
            }
        }
    }

    private static Address NoAddress(SeededRandom rng) => rng.Next(3) switch
    {
        0 => new Address("Conference Room 4", null, OmitAddress: true),
        1 => new Address("Nobody", null),
        _ => new Address("Old Contact", ""),
    };

    private static string PersonAddress(PlantedPerson p, SeededRandom rng) =>
        p.Addresses.Length > 1 && rng.Chance(0.35) ? p.Addresses[1] : p.Addresses[0];

    /// <summary>The display name as mail clients write it: "First Last", "Last, First", "First Last (Company)", ...</summary>
    private static string? NameOf(PlantedPerson p, SeededRandom rng)
    {
        if (!p.IsPerson || p.Surname.Length == 0)
        {
            return p.DisplayName;
        }
        return rng.Next(100) switch
        {
            < 60 => p.DisplayName,
            < 78 => $"{p.Surname}, {p.GivenName}",
            < 88 => $"{p.DisplayName} ({p.Company})",
            < 92 => "",
            < 96 => p.Addresses[0],
            _ => p.DisplayName.ToUpperInvariant(),
        };
    }

    /// <summary>With <paramref name="probability"/>, the address as careless software writes it.</summary>
    private static string Messy(string address, SeededRandom rng, double probability)
    {
        if (!rng.Chance(probability))
        {
            return address;
        }
        return rng.Next(8) switch
        {
            0 => address.ToUpperInvariant(),
            1 => Population.MixedCase(address),
            2 => $"  {address} ",
            3 => $"<{address}>",
            4 => $"\"{address}\"",
            5 => $"mailto:{address}",
            6 => $"MAILTO:{Population.MixedCase(address)}",
            _ => $"  <{address.ToUpperInvariant()}> ",
        };
    }

    private static string Legacy(PlantedPerson p) =>
        LegacyPrefix + Hex(SeededRandom.Mix((ulong)p.Profile, 0x1E6))[..12] + "-" + (p.GivenName + p.Surname).ToLowerInvariant();

    private static string Imceaex(PlantedPerson p) =>
        $"IMCEAEX-_o=ExchangeLabs_ou=Exchange+20Administrative+20Group+20+28FYDIBOHF23SPDLT+29_cn=Recipients_cn={Hex(SeededRandom.Mix((ulong)p.Profile, 0x1E6))[..12]}-{(p.GivenName + p.Surname).ToLowerInvariant()}@namprd04.prod.outlook.example";

    private static string Domain(string address) => address[(address.IndexOf('@') + 1)..];

    private static string Local(string address) => address[..address.IndexOf('@')];
}
