using Microsoft.Extensions.Caching.Memory;
using Reconnect.Api.Infrastructure;

namespace Reconnect.Api.Identity;

/// <summary>
/// What every read endpoint asks first (the user's mailbox row and what they said of people), kept
/// per instance so that a suggestions request needs no database round trip at all. An entry is
/// served only while <see cref="MailboxChanges"/> says its mailbox has not changed since it was
/// read, on this instance or any other.
/// </summary>
internal sealed class MailboxReadingCache(MailboxChanges changes) : IDisposable
{
    // Entries are small (a row and a few feedback rows); the bound only keeps a flood of users from growing it without end.
    private const int Capacity = 200_000;

    // A safety net, not the mechanism: a change whose notification was lost (its writer died
    // between commit and NOTIFY) is seen within this time.
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>Reads through the cache: <paramref name="read"/> runs only when no current entry is held.</summary>
    public async Task<MailboxReading> GetAsync(UserIdentity user, Func<Task<MailboxReading>> read)
    {
        var key = (user.TenantId, user.ObjectId);
        if (_entries.TryGetValue(key, out Entry? entry) && changes.UnchangedSince(entry!.Reading.Mailbox.Id, entry.Stamp))
        {
            return entry.Reading;
        }

        var stamp = changes.Now();
        var reading = await read();
        _entries.Set(key, new Entry(stamp, reading), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = MaxAge });
        return reading;
    }

    public void Dispose() => _entries.Dispose();

    private sealed record Entry(long Stamp, MailboxReading Reading);
}
