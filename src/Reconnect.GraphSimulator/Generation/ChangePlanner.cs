namespace Reconnect.GraphSimulator.Generation;

/// <summary>One line of a change file: a message to add or replace, or a removal.</summary>
internal readonly record struct ChangeLine(bool Removal, MessageSpec Spec);

/// <summary>
/// Plans <c>changes/NNN.jsonl</c>: new mail (a few stale friends write again and are answered,
/// newsletters, colleagues), read-flag changes (identical envelope, same id), moves (same id, another
/// folder; once into Junk Email and once out of it), and deletions (one of two copies, the only copy,
/// a draft, a message added by the previous batch). An existing message is touched at most once.
/// </summary>
internal sealed class ChangePlanner(GeneratorOptions options, Population pop, MessagePlanner planner, List<MessageSpec> specs, long lastInitial)
{
    private readonly SeededRandom _rng = SeededRandom.ForStream(options.Seed, 4);
    private readonly HashSet<int> _touched = [];
    private readonly bool[] _deleted = new bool[specs.Count];
    private int _nextIdNo = specs.Count;

    /// <summary>Stale friends that write again in the changes (their keys).</summary>
    public HashSet<string> Revived { get; } = new(StringComparer.Ordinal);

    public List<List<ChangeLine>> Plan()
    {
        var batches = new List<List<ChangeLine>>();
        var n = options.MessageCount;
        var perBatch = Math.Max(12, (int)Math.Round(options.ChangeRate * n));
        var now = options.Now.UtcTicks;
        var width = (now - lastInitial) / Math.Max(1, options.ChangeBatches);
        var stale = pop.Of(PersonKind.StaleFriend);
        var groups = specs.Select((s, i) => (s.MessageNo, i)).GroupBy(x => x.MessageNo).Where(g => g.Count() > 1)
            .Select(g => g.Select(x => x.i).ToArray()).ToList();
        var copied = groups.Select(g => specs[g[0]].MessageNo).ToHashSet();
        List<MessageSpec> previousNew = [];

        for (var b = 0; b < options.ChangeBatches; b++)
        {
            var lines = new List<ChangeLine>();
            var lo = lastInitial + b * width;
            var hi = lo + width;
            long Time() => (lo + (long)(_rng.NextDouble() * (hi - lo - TimeSpan.TicksPerMinute))) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;
            var batchNew = new List<MessageSpec>();
            void AddNew(MessageSpec spec)
            {
                spec.IdNo = _nextIdNo++;
                lines.Add(new ChangeLine(false, spec));
                batchNew.Add(spec);
            }

            // A stale friend writes again and the user answers: no longer stale afterwards. At most
            // half of them, so the after-changes truth still has stale friends.
            if (b < stale.Count / 2)
            {
                // From the end of the list: the namesake stale friends come first and stay stale.
                var friend = stale[stale.Count - 1 - b];
                Revived.Add(friend.Key);
                var thread = _rng.NextULong() | 1;
                var t = lo + width / 4;
                t -= t % TimeSpan.TicksPerSecond;
                AddNew(planner.NewSpec(MessageCategory.PersonToUser, planner.IndexOf(friend), t, FolderLayout.Inbox, thread, 0));
                AddNew(planner.NewSpec(MessageCategory.UserToPerson, planner.IndexOf(friend), t + width / 4 - (width / 4) % TimeSpan.TicksPerSecond,
                    FolderLayout.SentItems, thread, 1));
            }
            var newsletters = pop.Of(PersonKind.Newsletter);
            for (var i = perBatch / 4; i > 0; i--)
            {
                AddNew(planner.NewSpec(MessageCategory.Newsletter, planner.IndexOf(_rng.Pick(newsletters)), Time(), FolderLayout.Inbox, 1, 0));
            }
            var active = pop.Of(PersonKind.ActiveColleague);
            for (var i = perBatch / 6; i > 0; i--)
            {
                var p = _rng.Pick(active);
                var fromUser = _rng.Chance(0.5);
                AddNew(planner.NewSpec(fromUser ? MessageCategory.UserToPerson : MessageCategory.PersonToUser, planner.IndexOf(p), Time(),
                    fromUser ? FolderLayout.SentItems : FolderLayout.Inbox, _rng.NextULong() | 1, 0));
            }

            // Moves: same id, another folder (still counted), plus one into and one out of Junk Email.
            int[] targets = [FolderLayout.Archive, FolderLayout.Apollo, FolderLayout.Zephyr, FolderLayout.DeletedItems];
            for (var i = Math.Max(2, perBatch / 10); i > 0; i--)
            {
                if (PickExisting(s => s.Folder == FolderLayout.Inbox && s.Category is MessageCategory.PersonToUser or MessageCategory.Notification) is { } idx)
                {
                    lines.Add(new ChangeLine(false, Moved(idx, _rng.Pick(targets))));
                }
            }
            if (b == 0 && PickExisting(s => s.Folder == FolderLayout.Inbox && s.Category == MessageCategory.Newsletter) is { } toJunk)
            {
                lines.Add(new ChangeLine(false, Moved(toJunk, FolderLayout.JunkEmail)));
            }
            if (b == 1 && PickExisting(s => s.Folder == FolderLayout.JunkEmail && s.Category == MessageCategory.Junk
                    && s.Ticks > options.Now.UtcTicks - options.YearsOfHistory * 365L * TimeSpan.TicksPerDay) is { } fromJunk)
            {
                lines.Add(new ChangeLine(false, Moved(fromJunk, FolderLayout.Inbox)));
            }

            // Deletions.
            var deletions = Math.Max(3, perBatch / 6);
            for (var i = 0; i < deletions; i++)
            {
                if (i % 2 == 0)
                {
                    // One of two copies: nothing changes in the counts.
                    var group = groups.Where(g => g.All(x => !_touched.Contains(x))).Skip(_rng.Next(8)).FirstOrDefault();
                    if (group is not null)
                    {
                        var victim = group[_rng.Next(group.Length)];
                        Delete(victim, lines);
                        foreach (var x in group) _touched.Add(x);
                    }
                }
                else if (PickExisting(s => FolderLayout.IsCounted(s.Folder) && !copied.Contains(s.MessageNo)
                    && s.Category is MessageCategory.PersonToUser or MessageCategory.UserToPerson or MessageCategory.Newsletter) is { } only)
                {
                    // The only copy: its contribution disappears.
                    Delete(only, lines);
                }
            }
            if (b == 0 && PickExisting(s => s.Category == MessageCategory.Draft) is { } draft)
            {
                Delete(draft, lines);
            }
            if (previousNew.Count > 0)
            {
                // Added by the previous batch, deleted now.
                var gone = previousNew[^1];
                lines.Add(new ChangeLine(true, gone));
            }

            // Read-flag changes fill the batch: Graph's delta returns the whole message again.
            while (lines.Count < perBatch)
            {
                if (PickExisting(s => true) is not { } idx)
                {
                    break;
                }
                var spec = specs[idx];
                spec.IsRead = !spec.IsRead;
                lines.Add(new ChangeLine(false, spec));
            }
            batches.Add(lines);
            previousNew = batchNew;
        }
        return batches;
    }

    private MessageSpec Moved(int index, int folder)
    {
        var spec = specs[index];
        spec.Folder = (short)folder;
        return spec;
    }

    private void Delete(int index, List<ChangeLine> lines)
    {
        _deleted[index] = true;
        _touched.Add(index);
        lines.Add(new ChangeLine(true, specs[index]));
    }

    /// <summary>A random untouched, undeleted initial message matching <paramref name="predicate"/>; marks it touched.</summary>
    private int? PickExisting(Func<MessageSpec, bool> predicate)
    {
        for (var attempt = 0; attempt < 2000; attempt++)
        {
            var i = _rng.Next(specs.Count);
            if (!_touched.Contains(i) && !_deleted[i] && predicate(specs[i]))
            {
                _touched.Add(i);
                return i;
            }
        }
        return null;
    }
}
