namespace Reconnect.GraphSimulator.Generation;

/// <summary>What a planted correspondent is meant to be; written to expected-people.csv.</summary>
internal enum PersonKind
{
    ActiveColleague,
    StaleFriend,
    LongSilent,
    OneOff,
    NeverReplied,
    Newsletter,
    Notification,
    NoReply,
    RoleAddress,
    MailingList,
    ListPoster,
    Announcer,
    MassMailOnly,
    ContactOnly,
}

[Flags]
internal enum PersonTraits
{
    None = 0,
    TwoAddresses = 1,
    ContactMergesAddresses = 2,
    Namesake = 4,
    Internal = 8,
    InContacts = 16,
    NoAddress = 32,
}

internal sealed class PlantedPerson
{
    public required string Key { get; init; }
    public required PersonKind Kind { get; init; }
    public required string DisplayName { get; init; }
    public string GivenName { get; init; } = "";
    public string Surname { get; init; } = "";
    public string Company { get; init; } = "";
    public string JobTitle { get; init; } = "";
    /// <summary>[0] is the main (work) address; [1], when present, the personal one.</summary>
    public required string[] Addresses { get; init; }
    public PersonTraits Traits { get; set; }
    /// <summary>First and last moment this person's mail may be dated (UTC ticks).</summary>
    public long WindowStart { get; set; }
    public long WindowEnd { get; set; }
    /// <summary>Subject stem for automated senders; list id for mailing lists.</summary>
    public string Topic { get; init; } = "";
    /// <summary>Random bits fixed per person (header profile of automated senders, list of a poster, weight).</summary>
    public int Profile { get; init; }

    public bool IsPerson => Kind is not (PersonKind.Newsletter or PersonKind.Notification or PersonKind.NoReply
        or PersonKind.RoleAddress or PersonKind.MailingList);

    public static string KindName(PersonKind kind) => kind switch
    {
        PersonKind.ActiveColleague => "active-colleague",
        PersonKind.StaleFriend => "stale-friend",
        PersonKind.LongSilent => "long-silent",
        PersonKind.OneOff => "one-off",
        PersonKind.NeverReplied => "never-replied",
        PersonKind.Newsletter => "newsletter",
        PersonKind.Notification => "notification",
        PersonKind.NoReply => "no-reply",
        PersonKind.RoleAddress => "role-address",
        PersonKind.MailingList => "mailing-list",
        PersonKind.ListPoster => "list-poster",
        PersonKind.Announcer => "announcer",
        PersonKind.MassMailOnly => "mass-mail-only",
        PersonKind.ContactOnly => "contact-only",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public string TraitNames()
    {
        var names = new List<string>();
        if (Traits.HasFlag(PersonTraits.TwoAddresses)) names.Add("two-addresses");
        if (Traits.HasFlag(PersonTraits.ContactMergesAddresses)) names.Add("contact-lists-both");
        if (Traits.HasFlag(PersonTraits.Namesake)) names.Add("namesake");
        if (Traits.HasFlag(PersonTraits.Internal)) names.Add("internal");
        if (Traits.HasFlag(PersonTraits.InContacts)) names.Add("in-contacts");
        if (Traits.HasFlag(PersonTraits.NoAddress)) names.Add("no-address");
        return string.Join(';', names);
    }
}

internal sealed record ContactSpec(string Id, PlantedPerson Person, string[] Addresses);

/// <summary>The planted correspondents of one generated mailbox, sized by the message count.</summary>
internal sealed class Population
{
    public List<PlantedPerson> All { get; } = [];
    public List<ContactSpec> Contacts { get; } = [];
    public Dictionary<PersonKind, List<PlantedPerson>> ByKind { get; } = [];
    public required string UserDomain { get; init; }

    public List<PlantedPerson> Of(PersonKind kind) => ByKind.TryGetValue(kind, out var list) ? list : [];

    public static Population Build(GeneratorOptions options, long historyStart, long lastInitial)
    {
        var rng = SeededRandom.ForStream(options.Seed, 1);
        var n = options.MessageCount;
        var userDomain = options.UserMail[(options.UserMail.IndexOf('@') + 1)..].ToLowerInvariant();
        var pop = new Population { UserDomain = userDomain };
        var used = new HashSet<string>(StringComparer.Ordinal)
        {
            options.UserMail.ToLowerInvariant(), options.UserPrincipalName.ToLowerInvariant(),
        };
        foreach (var alias in options.UserAliases)
        {
            used.Add(alias.ToLowerInvariant());
        }
        var now = options.Now.UtcTicks;
        const long Day = TimeSpan.TicksPerDay;
        const long Month = 30 * Day;

        string Unique(string local, string domain)
        {
            var candidate = $"{local}@{domain}";
            for (var i = 2; !used.Add(candidate); i++)
            {
                candidate = $"{local}{i}@{domain}";
            }
            return candidate;
        }

        string WorkAddress(string given, string surname, string domain)
        {
            var g = given.ToLowerInvariant();
            var s = surname.ToLowerInvariant();
            return rng.Next(4) switch
            {
                0 => Unique($"{g}.{s}", domain),
                1 => Unique($"{g[0]}{s}", domain),
                2 => Unique($"{g}.{s[0]}", domain),
                _ => Unique($"{g}{s}", domain),
            };
        }

        string PersonalAddress(string given, string surname)
        {
            var domain = rng.Pick(NameData.PersonalDomains);
            var g = given.ToLowerInvariant();
            var s = surname.ToLowerInvariant();
            return rng.Next(3) switch
            {
                0 => Unique($"{g}.{s}", domain),
                1 => Unique($"{g[0]}{s}{rng.Next(60, 99)}", domain),
                _ => Unique($"{g}{rng.Next(1, 999)}", domain),
            };
        }

        PlantedPerson Add(PlantedPerson p)
        {
            pop.All.Add(p);
            if (!pop.ByKind.TryGetValue(p.Kind, out var list))
            {
                pop.ByKind[p.Kind] = list = [];
            }
            list.Add(p);
            return p;
        }

        PlantedPerson NewPerson(PersonKind kind, bool internalChance, double twoAddressChance, string? given = null, string? surname = null,
            (string Name, string Domain)? company = null)
        {
            given ??= rng.Pick(NameData.GivenNames);
            surname ??= rng.Pick(NameData.Surnames);
            var isInternal = company is null && internalChance && rng.Chance(0.5);
            var (companyName, domain) = company ?? (isInternal ? ("Northwind", userDomain) : rng.Pick(NameData.Companies));
            var addresses = new List<string> { WorkAddress(given, surname, domain) };
            var traits = isInternal ? PersonTraits.Internal : PersonTraits.None;
            if (rng.Chance(twoAddressChance))
            {
                addresses.Add(PersonalAddress(given, surname));
                traits |= PersonTraits.TwoAddresses;
            }
            return Add(new PlantedPerson
            {
                Key = $"P{pop.All.Count + 1:D5}",
                Kind = kind,
                DisplayName = $"{given} {surname}",
                GivenName = given,
                Surname = surname,
                Company = companyName,
                JobTitle = rng.Pick(NameData.JobTitles),
                Addresses = [.. addresses],
                Traits = traits,
                Profile = rng.Next(1 << 20),
            });
        }

        static int Clamp(int v, int lo, int hi) => Math.Max(lo, Math.Min(hi, v));

        // Namesake pairs first: same display name, different companies; one active, one stale.
        var pairs = Clamp(1 + n / 25_000, 1, 6);
        for (var i = 0; i < pairs; i++)
        {
            var given = rng.Pick(NameData.GivenNames);
            var surname = rng.Pick(NameData.Surnames);
            var c1 = NameData.Companies[(2 * i) % NameData.Companies.Length];
            var c2 = NameData.Companies[(2 * i + 7) % NameData.Companies.Length];
            NewPerson(PersonKind.ActiveColleague, false, 0, given, surname, c1).Traits |= PersonTraits.Namesake;
            NewPerson(PersonKind.StaleFriend, false, 0, given, surname, c2).Traits |= PersonTraits.Namesake;
        }
        for (var i = Clamp(4 + n / 500, 4, 300) - pairs; i > 0; i--) NewPerson(PersonKind.ActiveColleague, true, 0.2);
        for (var i = Clamp(3 + n / 1500, 3, 150) - pairs; i > 0; i--) NewPerson(PersonKind.StaleFriend, false, 0.4);
        for (var i = Clamp(2 + n / 2500, 2, 80); i > 0; i--) NewPerson(PersonKind.LongSilent, true, 0.3);
        for (var i = Clamp(4 + n / 250, 4, 800); i > 0; i--) NewPerson(PersonKind.OneOff, false, 0);
        for (var i = Clamp(3 + n / 600, 3, 300); i > 0; i--) NewPerson(PersonKind.NeverReplied, false, 0);
        for (var i = Clamp(1 + n / 20_000, 1, 5); i > 0; i--)
        {
            NewPerson(PersonKind.Announcer, false, 0, company: ("Northwind", userDomain));
        }
        for (var i = Clamp(30 + n / 100, 30, 400); i > 0; i--) NewPerson(PersonKind.MassMailOnly, true, 0);
        for (var i = Clamp(3 + n / 8000, 3, 30); i > 0; i--) NewPerson(PersonKind.ContactOnly, false, 0.2);

        // Automated senders.
        void AddAutomated(PersonKind kind, (string Name, string Local, string Domain, string Subject)[] data, int count)
        {
            for (var i = 0; i < count; i++)
            {
                var d = data[i % data.Length];
                var domain = i < data.Length ? d.Domain : $"mail{i / data.Length}.{d.Domain}";
                Add(new PlantedPerson
                {
                    Key = $"P{pop.All.Count + 1:D5}",
                    Kind = kind,
                    DisplayName = d.Name,
                    Addresses = [Unique(d.Local, domain)],
                    Topic = d.Subject,
                    Profile = rng.Next(1 << 20),
                });
            }
        }
        AddAutomated(PersonKind.Newsletter, NameData.Newsletters, Clamp(3 + n / 3000, 3, 60));
        AddAutomated(PersonKind.Notification, NameData.Notifications, Clamp(2 + n / 5000, 2, 40));
        AddAutomated(PersonKind.NoReply, NameData.NoReply, Clamp(3 + n / 5000, 3, 40));

        // Role addresses: a vendor's support desk that answers, an info@ the user writes to, the team list.
        (string Name, string Local, string Domain)[] roles =
        [
            ("Proseware Support", "support", "proseware.example"), ("Litware", "info", "litware.example"),
            ("Northwind Team", "team", userDomain), ("Tailspin Sales", "sales", "tailspin.example"),
            ("Adatum Help Desk", "helpdesk", "adatum.example"),
        ];
        for (var i = 0; i < Clamp(3 + n / 20_000, 3, roles.Length); i++)
        {
            Add(new PlantedPerson
            {
                Key = $"P{pop.All.Count + 1:D5}", Kind = PersonKind.RoleAddress, DisplayName = roles[i].Name,
                Addresses = [Unique(roles[i].Local, roles[i].Domain)], Profile = i,
            });
        }

        // Mailing lists and the people who post to them.
        string[] listNames = ["dev", "community", "announce-discuss", "users", "design", "meetup"];
        var lists = Clamp(1 + n / 15_000, 1, listNames.Length);
        for (var i = 0; i < lists; i++)
        {
            var company = NameData.Companies[(3 * i + 1) % NameData.Companies.Length];
            var address = Unique(listNames[i], "lists." + company.Domain);
            Add(new PlantedPerson
            {
                Key = $"P{pop.All.Count + 1:D5}", Kind = PersonKind.MailingList, DisplayName = $"{listNames[i]} list",
                Addresses = [address], Topic = listNames[i], Profile = i,
            });
        }
        for (var i = Clamp(4 + n / 800, 4, 200); i > 0; i--) NewPerson(PersonKind.ListPoster, false, 0);

        // Windows of activity.
        foreach (var p in pop.All)
        {
            switch (p.Kind)
            {
                case PersonKind.ActiveColleague:
                    p.WindowEnd = lastInitial - rng.NextLong(0, 20 * Day);
                    p.WindowStart = Math.Max(historyStart, p.WindowEnd - rng.NextLong(6 * Month, (now - historyStart)));
                    break;
                case PersonKind.StaleFriend:
                    p.WindowEnd = now - rng.NextLong(13 * Month + 15 * Day, 40 * Month);
                    p.WindowStart = Math.Max(historyStart, p.WindowEnd - rng.NextLong(5 * Month, 30 * Month));
                    break;
                case PersonKind.LongSilent:
                    p.WindowEnd = now - rng.NextLong(44 * Month, Math.Max(45 * Month, (now - historyStart) - 8 * Month));
                    p.WindowStart = Math.Max(historyStart, p.WindowEnd - rng.NextLong(4 * Month, 20 * Month));
                    break;
                default:
                    p.WindowStart = historyStart + rng.NextLong(0, (lastInitial - historyStart) / 3);
                    p.WindowEnd = p.Kind is PersonKind.Newsletter && rng.Chance(0.3)
                        ? p.WindowStart + (lastInitial - p.WindowStart) / 2 // a newsletter the user unsubscribed from
                        : lastInitial;
                    break;
            }
        }

        // Contacts: some colleagues and friends (two-address people sometimes on one contact),
        // one of each namesake pair, people with no mail at all, phone-only contacts.
        foreach (var p in pop.All)
        {
            var chance = p.Kind switch
            {
                PersonKind.ActiveColleague => 0.5,
                PersonKind.StaleFriend => 0.7,
                PersonKind.LongSilent => 0.5,
                PersonKind.NeverReplied => 0.2,
                PersonKind.ContactOnly => 1.0,
                _ => 0.0,
            };
            if (p.Traits.HasFlag(PersonTraits.Namesake))
            {
                chance = p.Kind == PersonKind.StaleFriend ? 1.0 : 0.0;
            }
            if (!rng.Chance(chance))
            {
                continue;
            }
            p.Traits |= PersonTraits.InContacts;
            string[] addresses;
            if (p.Addresses.Length > 1 && rng.Chance(0.6))
            {
                p.Traits |= PersonTraits.ContactMergesAddresses;
                addresses = p.Addresses;
            }
            else
            {
                addresses = [p.Addresses[0]];
            }
            // Contacts are typed by hand: sometimes in another case than the mail uses.
            addresses = [.. addresses.Select(a => rng.Chance(0.15) ? MixedCase(a) : a)];
            pop.Contacts.Add(new ContactSpec($"AAMkContact{pop.Contacts.Count + 1:D5}{(uint)rng.NextULong():x8}", p, addresses));
        }
        for (var i = 0; i < 2; i++)
        {
            var given = rng.Pick(NameData.GivenNames);
            var surname = rng.Pick(NameData.Surnames);
            var p = Add(new PlantedPerson
            {
                Key = $"P{pop.All.Count + 1:D5}", Kind = PersonKind.ContactOnly, DisplayName = $"{given} {surname}",
                GivenName = given, Surname = surname, Company = rng.Pick(NameData.Companies).Name,
                JobTitle = rng.Pick(NameData.JobTitles), Addresses = [], Traits = PersonTraits.NoAddress | PersonTraits.InContacts,
            });
            pop.Contacts.Add(new ContactSpec($"AAMkContact{pop.Contacts.Count + 1:D5}{(uint)rng.NextULong():x8}", p, []));
        }
        return pop;
    }

    /// <summary>"crystal.cory@fabrikam.example" → "Crystal.Cory@Fabrikam.example".</summary>
    public static string MixedCase(string address)
    {
        var chars = address.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 0 || chars[i - 1] is '.' or '@')
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }
        return new string(chars);
    }
}
