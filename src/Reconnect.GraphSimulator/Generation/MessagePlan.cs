namespace Reconnect.GraphSimulator.Generation;

internal enum MessageCategory : byte
{
    PersonToUser,
    UserToPerson,
    Newsletter,
    Notification,
    NoReply,
    ListPost,
    UserListPost,
    Announcement,
    UserMassMail,
    Junk,
    Draft,
    OutboxItem,
    SelfNote,
    LegacyFrom,
    UserLegacyFrom,
    BrokenFrom,
}

/// <summary>
/// A planned message: everything else of its envelope is derived from <see cref="Seed"/> when it is
/// written, so 100k messages cost a few MB and a copy (same <see cref="MessageNo"/> and seed) renders
/// the same envelope in another folder.
/// </summary>
internal struct MessageSpec
{
    public int MessageNo;
    public int IdNo;
    public long Ticks;
    public int Person;
    public ulong Seed;
    public ulong ThreadSeed;
    public short Folder;
    public MessageCategory Category;
    public byte Depth;
    public bool IsRead;
}

/// <summary>Plans the initial messages: exactly <see cref="GeneratorOptions.MessageCount"/> specs.</summary>
internal sealed class MessagePlanner
{
    private const long Day = TimeSpan.TicksPerDay;
    private const long Hour = TimeSpan.TicksPerHour;
    private const long Month = 30 * Day;

    private readonly GeneratorOptions _options;
    private readonly Population _pop;
    private readonly SeededRandom _rng;
    private readonly Dictionary<PlantedPerson, int> _index = [];
    private readonly long _historyStart;
    private readonly long _lastInitial;
    private int _nextMessageNo;

    public List<MessageSpec> Specs { get; }

    public MessagePlanner(GeneratorOptions options, Population pop, long historyStart, long lastInitial)
    {
        _options = options;
        _pop = pop;
        _historyStart = historyStart;
        _lastInitial = lastInitial;
        _rng = SeededRandom.ForStream(options.Seed, 3);
        Specs = new List<MessageSpec>(options.MessageCount + 16);
        for (var i = 0; i < pop.All.Count; i++)
        {
            _index[pop.All[i]] = i;
        }
    }

    public int NextMessageNo => _nextMessageNo;

    public int IndexOf(PlantedPerson p) => _index[p];

    public MessageSpec NewSpec(MessageCategory category, int person, long ticks, int folder, ulong threadSeed, int depth)
    {
        var no = _nextMessageNo++;
        return new MessageSpec
        {
            MessageNo = no,
            Ticks = ticks,
            Person = person,
            Seed = SeededRandom.Mix((ulong)_options.Seed, (ulong)no + 0x5EED),
            ThreadSeed = threadSeed,
            Folder = (short)folder,
            Category = category,
            Depth = (byte)Math.Min(depth, 255),
            IsRead = category is MessageCategory.UserToPerson or MessageCategory.UserMassMail or MessageCategory.UserListPost
                || _rng.Chance(0.85),
        };
    }

    private void Add(MessageCategory category, PlantedPerson? person, long ticks, int folder, ulong threadSeed = 0, int depth = 0) =>
        Specs.Add(NewSpec(category, person is null ? -1 : _index[person], ticks, folder, threadSeed == 0 ? _rng.NextULong() | 1 : threadSeed, depth));

    private void AddCopy(int specIndex, int folder)
    {
        var copy = Specs[specIndex];
        copy.Folder = (short)folder;
        copy.IsRead = true;
        Specs.Add(copy);
    }

    /// <summary>A time in [lo, hi], mostly on weekdays in the working hours of a UTC−5 user.</summary>
    public long WorkTime(SeededRandom rng, long lo, long hi)
    {
        if (hi <= lo)
        {
            return lo;
        }
        var t = rng.NextLong(lo, hi);
        var day = t - t % Day;
        var dow = new DateTime(day, DateTimeKind.Utc).DayOfWeek;
        if (dow is DayOfWeek.Saturday or DayOfWeek.Sunday && rng.Chance(0.85))
        {
            day += (dow == DayOfWeek.Saturday ? -1 : 1) * Day;
        }
        // Mostly 08:00-18:00 local = 13:00-23:00 UTC, some evenings and early mornings.
        var hour = rng.NextDouble() < 0.85 ? rng.Next(13, 23) : rng.Next(0, 13);
        var result = day + hour * Hour + rng.Next(60) * TimeSpan.TicksPerMinute + rng.Next(60) * TimeSpan.TicksPerSecond;
        return result >= lo && result <= hi ? result : t - t % TimeSpan.TicksPerSecond;
    }

    private int ReceivedFolder(bool personal) => _rng.Next(100) switch
    {
        < 72 => FolderLayout.Inbox,
        < 76 => FolderLayout.Apollo,
        < 80 => FolderLayout.Zephyr,
        < 82 => FolderLayout.Projects,
        < 84 => personal ? FolderLayout.Family : FolderLayout.Conferences,
        < 90 => FolderLayout.DeletedItems,
        < 91 => FolderLayout.OldStuff,
        < 97 => FolderLayout.Archive,
        _ => FolderLayout.Archive2021,
    };

    private int SentFolder() => _rng.Next(100) switch
    {
        < 92 => FolderLayout.SentItems,
        < 94 => FolderLayout.DeletedItems,
        _ => FolderLayout.Archive,
    };

    /// <summary>A two-way thread of <paramref name="length"/> messages, clamped to end by <paramref name="end"/>.</summary>
    private (int Sent, int Received) Thread(PlantedPerson p, long start, long end, int length, bool userStarts, bool slow)
    {
        var threadSeed = _rng.NextULong() | 1;
        var fromUser = userStarts;
        var t = start;
        var (sent, received) = (0, 0);
        for (var d = 0; d < length; d++)
        {
            if (fromUser)
            {
                Add(MessageCategory.UserToPerson, p, t, SentFolder(), threadSeed, d);
                sent++;
            }
            else
            {
                Add(MessageCategory.PersonToUser, p, t, ReceivedFolder(p.Addresses.Length > 1), threadSeed, d);
                received++;
            }
            // A reply mostly; sometimes a second message from the same side (a nudge, an addendum).
            fromUser = _rng.Chance(0.9) ? !fromUser : fromUser;
            var gap = slow
                ? (long)(Hour * Math.Exp(_rng.NextDouble() * Math.Log(240)))
                : (long)(5 * TimeSpan.TicksPerMinute * Math.Exp(_rng.NextDouble() * Math.Log(576)));
            t = Math.Min(end, t + gap - gap % TimeSpan.TicksPerSecond);
        }
        return (sent, received);
    }

    public void Plan()
    {
        var n = _options.MessageCount;
        var rng = _rng;

        // Stale friends and the long silent: a real relationship that ended.
        foreach (var kind in (PersonKind[])[PersonKind.StaleFriend, PersonKind.LongSilent])
        {
            foreach (var p in _pop.Of(kind))
            {
                // Every stale friend, and most of the long silent, is a real two-way tie (≥3 each way);
                // the other long silent had one short exchange (fewer than 3 each way), years ago.
                var strong = kind == PersonKind.StaleFriend || (p.Profile & 3) != 0;
                var (sent, received) = (0, 0);
                var threads = !strong ? 1 : kind == PersonKind.StaleFriend ? rng.Next(3, 8) : rng.Next(2, 6);
                for (var i = 0; i < threads; i++)
                {
                    var length = strong ? rng.Next(2, 6) : rng.Next(2, 4);
                    var (s, r) = Thread(p, WorkTime(rng, p.WindowStart, p.WindowEnd), p.WindowEnd, length, rng.Chance(0.5), slow: true);
                    sent += s;
                    received += r;
                }
                for (; strong && sent < 3; sent++)
                {
                    Add(MessageCategory.UserToPerson, p, WorkTime(rng, p.WindowStart, p.WindowEnd), SentFolder());
                }
                for (; strong && received < 3; received++)
                {
                    Add(MessageCategory.PersonToUser, p, WorkTime(rng, p.WindowStart, p.WindowEnd), ReceivedFolder(false));
                }
            }
        }

        foreach (var p in _pop.Of(PersonKind.OneOff))
        {
            var t = WorkTime(rng, _historyStart, _lastInitial);
            if (rng.Chance(0.7))
            {
                Add(MessageCategory.PersonToUser, p, t, ReceivedFolder(false));
            }
            else
            {
                Add(MessageCategory.UserToPerson, p, t, SentFolder());
            }
        }

        foreach (var p in _pop.Of(PersonKind.NeverReplied))
        {
            var t = WorkTime(rng, _historyStart, _lastInitial - 30 * Day);
            var threadSeed = rng.NextULong() | 1;
            Add(MessageCategory.UserToPerson, p, t, SentFolder(), threadSeed);
            if (rng.Chance(0.4))
            {
                Add(MessageCategory.UserToPerson, p, WorkTime(rng, t + 7 * Day, t + 20 * Day), FolderLayout.SentItems, threadSeed, 1);
            }
        }

        foreach (var p in _pop.Of(PersonKind.RoleAddress))
        {
            var t = WorkTime(rng, _historyStart, _lastInitial);
            switch (p.Profile)
            {
                case 0: // a support desk: two tickets, each answered
                    Thread(p, t, _lastInitial, 2, true, slow: true);
                    Thread(p, WorkTime(rng, _historyStart, _lastInitial), _lastInitial, 2, true, slow: true);
                    break;
                case 2: // the team list: written to now and then
                    for (var i = rng.Next(2, 5); i > 0; i--)
                    {
                        Add(MessageCategory.UserToPerson, p, WorkTime(rng, _historyStart, _lastInitial), FolderLayout.SentItems);
                    }
                    break;
                default:
                    Add(MessageCategory.UserToPerson, p, t, FolderLayout.SentItems);
                    if (p.Profile > 2)
                    {
                        Add(MessageCategory.PersonToUser, p, t + 2 * Day, FolderLayout.Inbox);
                    }
                    break;
            }
        }

        // Budgeted categories (fractions of N), scaled down for small mailboxes so colleagues keep room.
        (MessageCategory Category, double Fraction, int Minimum)[] budgets =
        [
            (MessageCategory.Newsletter, 0.18, 12), (MessageCategory.Notification, 0.09, 6), (MessageCategory.NoReply, 0.04, 5),
            (MessageCategory.ListPost, 0.07, 6), (MessageCategory.Announcement, 0.004, 2), (MessageCategory.UserMassMail, 0.001, 1),
            (MessageCategory.Junk, 0.03, 6), (MessageCategory.Draft, 0.008, 4), (MessageCategory.OutboxItem, 0, 3),
            (MessageCategory.SelfNote, 0.004, 2), (MessageCategory.LegacyFrom, 0.004, 2), (MessageCategory.UserLegacyFrom, 0.00004, 1),
            (MessageCategory.BrokenFrom, 0.001, 5),
        ];
        var copyFraction = 0.03;
        var active = _pop.Of(PersonKind.ActiveColleague);
        var scale = 1.0;
        int Total(double s) => Specs.Count + budgets.Sum(b => Math.Max(b.Minimum, (int)(b.Fraction * s * n))) + (int)(copyFraction * s * n);
        while (n - Total(scale) < Math.Max(4 * active.Count, n / 5) && scale > 0.05)
        {
            scale *= 0.9;
        }
        var copies = Math.Max(4, (int)(copyFraction * scale * n));
        foreach (var (category, fraction, minimum) in budgets)
        {
            PlanCategory(category, Math.Max(minimum, (int)(fraction * scale * n)));
        }

        // Active colleagues fill the rest: first a recent two-way exchange each, then threads by a
        // Zipf-like weight, so a few colleagues dominate as in real mailboxes.
        var filler = n - Specs.Count - copies;
        if (filler < 2 * active.Count)
        {
            throw new InvalidOperationException($"{n} messages leave no room for colleagues; use more messages.");
        }
        foreach (var p in active)
        {
            Thread(p, WorkTime(rng, p.WindowEnd - 12 * Day, p.WindowEnd - Day), p.WindowEnd, 2, rng.Chance(0.5), slow: false);
            filler -= 2;
        }
        var weights = new double[active.Count];
        var total = 0.0;
        for (var i = 0; i < active.Count; i++)
        {
            total += 1.0 / Math.Pow(i + 1, 0.8);
            weights[i] = total;
        }
        while (filler > 0)
        {
            var pick = Array.BinarySearch(weights, rng.NextDouble() * total);
            var p = active[Math.Min(active.Count - 1, pick < 0 ? ~pick : pick)];
            var length = Math.Min(filler, 1 + (int)(-Math.Log(1 - rng.NextDouble()) * 1.8));
            var (s, r) = Thread(p, WorkTime(rng, p.WindowStart, p.WindowEnd), p.WindowEnd, length, rng.Chance(0.45), slow: false);
            filler -= s + r;
        }

        PlanCopies(copies);
    }

    private void PlanCategory(MessageCategory category, int count)
    {
        var rng = _rng;
        var recentStale = _pop.Of(PersonKind.StaleFriend);
        switch (category)
        {
            case MessageCategory.Newsletter:
            case MessageCategory.Notification:
            case MessageCategory.NoReply:
            {
                var senders = _pop.Of(category switch
                {
                    MessageCategory.Newsletter => PersonKind.Newsletter,
                    MessageCategory.Notification => PersonKind.Notification,
                    _ => PersonKind.NoReply,
                });
                // One no-reply message is the dated-1979 bounce below.
                var regular = category == MessageCategory.NoReply ? count - 1 : count;
                for (var i = 0; i < regular; i++)
                {
                    // The first message of each sender goes to the Inbox, so every sender is counted.
                    var p = i < senders.Count ? senders[i] : senders[rng.Next(senders.Count)];
                    var t = rng.NextLong(p.WindowStart, p.WindowEnd);
                    t = t - t % Day + (p.Profile % 24) * Hour + rng.Next(0, 20) * TimeSpan.TicksPerMinute + rng.Next(60) * TimeSpan.TicksPerSecond;
                    var folder = i < senders.Count ? FolderLayout.Inbox : category switch
                    {
                        MessageCategory.Newsletter => rng.Next(100) switch
                        {
                            < 55 => FolderLayout.Inbox, < 80 => FolderLayout.Newsletters, < 95 => FolderLayout.DeletedItems, _ => FolderLayout.JunkEmail,
                        },
                        _ => rng.Next(100) switch { < 60 => FolderLayout.Inbox, < 85 => FolderLayout.Receipts, _ => FolderLayout.DeletedItems },
                    };
                    Add(category, p, Math.Min(t, _lastInitial), folder);
                }
                // A bounce with a broken clock, kept in Deleted Items: it counts, dated 1979.
                if (category == MessageCategory.NoReply)
                {
                    Add(category, senders[0], new DateTime(1979, 12, 31, 23, 59, 0, DateTimeKind.Utc).Ticks, FolderLayout.DeletedItems);
                }
                break;
            }
            case MessageCategory.ListPost:
            {
                var lists = _pop.Of(PersonKind.MailingList);
                var posters = _pop.Of(PersonKind.ListPoster);
                while (count > 0)
                {
                    var listIndex = rng.Next(lists.Count);
                    var list = lists[listIndex];
                    var start = WorkTime(rng, _historyStart, _lastInitial);
                    // The low byte of a list thread's seed names its list (see MessageRenderer.ListOf).
                    var threadSeed = (rng.NextULong() << 8) | (uint)(listIndex + 1);
                    var length = Math.Min(count, rng.Next(1, 5));
                    var t = start;
                    for (var d = 0; d < length; d++)
                    {
                        if (rng.Chance(0.08) && count > length)
                        {
                            // The user posts; the list echoes the post back into the list folder: two copies.
                            Add(MessageCategory.UserListPost, list, t, FolderLayout.SentItems, threadSeed, d);
                            AddCopy(Specs.Count - 1, FolderLayout.Lists);
                            count--;
                        }
                        else
                        {
                            Add(MessageCategory.ListPost, posters[rng.Next(posters.Count)], t,
                                rng.Chance(0.85) ? FolderLayout.Lists : FolderLayout.Inbox, threadSeed, d);
                        }
                        t = Math.Min(_lastInitial, t + rng.NextLong(Hour, 3 * Day));
                    }
                    count -= length;
                }
                break;
            }
            case MessageCategory.Announcement:
            {
                var announcers = _pop.Of(PersonKind.Announcer);
                for (var i = 0; i < count; i++)
                {
                    Add(category, announcers[rng.Next(announcers.Count)], WorkTime(rng, _historyStart, _lastInitial),
                        rng.Chance(0.8) ? FolderLayout.Inbox : FolderLayout.DeletedItems);
                }
                break;
            }
            case MessageCategory.UserMassMail:
            case MessageCategory.SelfNote:
            case MessageCategory.BrokenFrom:
                for (var i = 0; i < count; i++)
                {
                    var fromUser = category != MessageCategory.BrokenFrom;
                    Add(category, null, WorkTime(rng, _historyStart, _lastInitial),
                        fromUser ? FolderLayout.SentItems : (rng.Chance(0.7) ? FolderLayout.Inbox : FolderLayout.DeletedItems));
                    if (category == MessageCategory.SelfNote && rng.Chance(0.5) && i + 1 < count)
                    {
                        // A note to self lands in Inbox too, same internetMessageId.
                        AddCopy(Specs.Count - 1, FolderLayout.Inbox);
                        i++;
                    }
                }
                break;
            case MessageCategory.Junk:
            {
                // A handful of absurd dates, as spam has.
                long[] bogus =
                [
                    new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks, new DateTime(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks,
                    new DateTime(1975, 6, 15, 12, 0, 0, DateTimeKind.Utc).Ticks, new DateTime(2107, 3, 3, 3, 3, 3, DateTimeKind.Utc).Ticks,
                ];
                for (var i = 0; i < count; i++)
                {
                    var t = i < bogus.Length ? bogus[i] : rng.NextLong(_historyStart, _lastInitial) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;
                    Add(category, null, t, rng.Chance(0.9) ? FolderLayout.JunkEmail : FolderLayout.Suspicious);
                }
                break;
            }
            case MessageCategory.Draft:
            {
                for (var i = 0; i < count; i++)
                {
                    // Unsent reconnection attempts to stale friends must not make them recent.
                    var (p, lo) = rng.Next(10) switch
                    {
                        < 4 => (rng.Pick(recentStale), _lastInitial - 60 * Day),
                        < 6 => (rng.Pick(_pop.Of(PersonKind.NeverReplied)), _historyStart),
                        < 9 => (rng.Pick(_pop.Of(PersonKind.ActiveColleague)), _historyStart),
                        _ => ((PlantedPerson?)null, _historyStart),
                    };
                    // Two drafts were saved into a project folder: still drafts (isDraft), never counted.
                    Add(category, p, WorkTime(rng, lo, _lastInitial), i < 2 ? FolderLayout.Apollo : FolderLayout.Drafts);
                }
                break;
            }
            case MessageCategory.OutboxItem:
            {
                PlantedPerson?[] to = [rng.Pick(recentStale), rng.Pick(_pop.Of(PersonKind.OneOff)), rng.Pick(_pop.Of(PersonKind.ActiveColleague))];
                for (var i = 0; i < count; i++)
                {
                    Add(category, to[i % to.Length], _lastInitial - rng.NextLong(Hour, 30 * Hour), FolderLayout.Outbox);
                }
                break;
            }
            case MessageCategory.LegacyFrom:
            case MessageCategory.UserLegacyFrom:
            {
                var colleagues = _pop.Of(PersonKind.ActiveColleague);
                var internals = colleagues.Where(c => c.Traits.HasFlag(PersonTraits.Internal)).ToList();
                for (var i = 0; i < count; i++)
                {
                    var p = internals.Count > 0 ? rng.Pick(internals) : rng.Pick(colleagues);
                    Add(category, p, WorkTime(rng, p.WindowStart, p.WindowEnd),
                        category == MessageCategory.LegacyFrom ? FolderLayout.Inbox : FolderLayout.SentItems);
                }
                break;
            }
        }
    }

    private void PlanCopies(int copies)
    {
        var rng = _rng;
        var original = Specs.Count;
        var used = new HashSet<int>();
        for (var attempts = 0; copies > 0 && attempts < 100 * original; attempts++)
        {
            var i = rng.Next(original);
            var s = Specs[i];
            if (!FolderLayout.IsCounted(s.Folder) || used.Contains(s.MessageNo) || s.Category is not (MessageCategory.PersonToUser
                    or MessageCategory.UserToPerson or MessageCategory.Newsletter or MessageCategory.Notification
                    or MessageCategory.ListPost or MessageCategory.Announcement))
            {
                continue;
            }
            var sent = s.Category == MessageCategory.UserToPerson;
            int[] targets = sent
                ? [FolderLayout.Archive, FolderLayout.Archive2021, FolderLayout.DeletedItems, FolderLayout.Apollo]
                : [FolderLayout.Archive, FolderLayout.Apollo, FolderLayout.Zephyr, FolderLayout.DeletedItems, FolderLayout.Family, FolderLayout.Inbox];
            var folder = targets[rng.Next(targets.Length)];
            if (folder == s.Folder)
            {
                continue;
            }
            used.Add(s.MessageNo);
            AddCopy(i, folder);
            copies--;
        }
        if (copies > 0)
        {
            throw new InvalidOperationException("Not enough messages to copy.");
        }
    }
}
