using Microsoft.Extensions.Options;
using Reconnect.Api.People;
using Reconnect.Core.People;

namespace Reconnect.Api.Tests.People;

public sealed class PeopleCacheTests
{
    [Fact]
    public void Set_OverCapacity_DropsTheLeastRecentlyUsedMailboxes()
    {
        var cache = new PeopleCache(Options.Create(new PeopleOptions { CacheCapacity = 250 }));
        cache.Set(1, Snapshot(1, 100));
        cache.Set(2, Snapshot(1, 100));
        Assert.NotNull(cache.TryGet(1, 1));

        cache.Set(3, Snapshot(1, 100));

        Assert.NotNull(cache.TryGet(1, 1));
        Assert.Null(cache.TryGet(2, 1));
        Assert.NotNull(cache.TryGet(3, 1));
        Assert.Equal(200, cache.Count);
    }

    [Fact]
    public void Set_OneMailboxOverCapacity_KeepsItAlone()
    {
        var cache = new PeopleCache(Options.Create(new PeopleOptions { CacheCapacity = 50 }));
        cache.Set(1, Snapshot(1, 10));

        cache.Set(2, Snapshot(1, 100));

        Assert.Null(cache.TryGet(1, 1));
        Assert.NotNull(cache.TryGet(2, 1));
        Assert.Equal(100, cache.Count);
    }

    [Fact]
    public void Set_OlderVersion_KeepsTheNewerAndCountsOnce()
    {
        var cache = new PeopleCache(Options.Create(new PeopleOptions()));
        cache.Set(1, Snapshot(2, 30));

        cache.Set(1, Snapshot(1, 10));
        cache.Set(1, Snapshot(3, 20));

        Assert.Null(cache.TryGet(1, 2));
        Assert.NotNull(cache.TryGet(1, 3));
        Assert.Equal(20, cache.Count);

        cache.Forget(1);

        Assert.Null(cache.TryGet(1, 3));
        Assert.Equal(0, cache.Count);
    }

    private static PeopleSnapshot Snapshot(long version, int people) => new(version,
    [
        .. Enumerable.Range(0, people).Select(i => new PersonProfile
        {
            PersonId = $"p{i}",
            DisplayName = $"Person {i}",
            Addresses = [$"person{i}@example.org"],
        }),
    ]);
}
