using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Reconnect.Api.People;

/// <summary>
/// How many people an instance keeps in memory. Bound from <c>{ "People": { "CacheCapacity": 1000000 } }</c>.
/// A cached person costs about 900 bytes (the profile, its strings, its index entries; the load
/// benchmark's API held 2 million people in 1.9 GB), so the default holds about 0.9 GB: 500 users
/// of 2,000 people each.
/// </summary>
public sealed class PeopleOptions
{
    public const string SectionName = "People";

    /// <summary>People (summed over mailboxes) the cache holds before it drops the least recently used mailboxes.</summary>
    [Range(1, int.MaxValue)]
    public int CacheCapacity { get; set; } = 1_000_000;
}

/// <summary>
/// The process-wide cache of people snapshots, one per mailbox, newest version wins. It is bounded
/// by <see cref="PeopleOptions.CacheCapacity"/>: past it, the mailboxes used least recently are
/// dropped, and their next request reads their people from the database again (a few
/// milliseconds per thousand people), so memory follows the active users, not every user ever seen.
/// </summary>
/// <remarks>
/// A hit only stamps its entry's last use, without a lock, so the read endpoints do not contend
/// here; adding, forgetting and evicting (rare: once per mailbox per rebuild) take one lock and
/// keep the count of people exact. Eviction goes down to 90% of the capacity so that a cache at
/// its limit does not sort its entries on every miss.
/// </remarks>
internal sealed class PeopleCache(IOptions<PeopleOptions> options)
{
    private readonly ConcurrentDictionary<int, Entry> _entries = new();
    private readonly Lock _gate = new();
    private long _people;

    /// <summary>People held now, over every cached mailbox.</summary>
    public long Count => Interlocked.Read(ref _people);

    public PeopleSnapshot? TryGet(int mailboxId, long version)
    {
        if (_entries.TryGetValue(mailboxId, out var entry) && entry.Snapshot.Version == version)
        {
            entry.LastUsed = Stopwatch.GetTimestamp();
            return entry.Snapshot;
        }

        return null;
    }

    public void Set(int mailboxId, PeopleSnapshot snapshot)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(mailboxId, out var existing) && existing.Snapshot.Version > snapshot.Version)
            {
                return;
            }

            _entries[mailboxId] = new Entry(snapshot);
            Interlocked.Add(ref _people, snapshot.All.Count - (existing?.Snapshot.All.Count ?? 0));
            if (_people > options.Value.CacheCapacity)
            {
                Evict(keep: mailboxId, target: options.Value.CacheCapacity * 9L / 10);
            }
        }
    }

    public void Forget(int mailboxId)
    {
        lock (_gate)
        {
            if (_entries.TryRemove(mailboxId, out var removed))
            {
                Interlocked.Add(ref _people, -removed.Snapshot.All.Count);
            }
        }
    }

    private void Evict(int keep, long target)
    {
        foreach (var (mailboxId, entry) in _entries.Where(e => e.Key != keep).OrderBy(e => e.Value.LastUsed).ToList())
        {
            if (_people <= target)
            {
                return;
            }

            if (_entries.TryRemove(mailboxId, out _))
            {
                Interlocked.Add(ref _people, -entry.Snapshot.All.Count);
            }
        }
    }

    private sealed class Entry(PeopleSnapshot snapshot)
    {
        public PeopleSnapshot Snapshot { get; } = snapshot;

        public long LastUsed { get; set; } = Stopwatch.GetTimestamp();
    }
}
