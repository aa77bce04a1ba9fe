using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web.TokenCacheProviders;
using Microsoft.Identity.Web.TokenCacheProviders.Distributed;
using Reconnect.Api.Identity;
using Reconnect.Api.Tests.Support;
using StackExchange.Redis;

namespace Reconnect.Api.Tests.Identity;

/// <summary>
/// With <c>Redis:Configuration</c> set, Microsoft.Identity.Web's distributed token cache lives in a
/// real Redis (<see cref="TestServers.Redis"/>), one key per user, and so does the Data Protection
/// key ring that encrypts its entries: an API that restarts (or another instance) reads them.
/// </summary>
public sealed class RedisTokenCacheTests : IAsyncLifetime
{
    private readonly string _prefix = $"reconnect-test-{Guid.NewGuid():N}:";
    private ConnectionMultiplexer? _redis;

    private IDatabase Redis => _redis!.GetDatabase();

    public async Task InitializeAsync()
    {
        try
        {
            _redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        }
        catch (RedisConnectionException exception)
        {
            throw new InvalidOperationException($"Redis at {TestServers.RedisVariable} is unreachable: {exception.Message}\n{TestServers.HowToStart}", exception);
        }
    }

    public async Task DisposeAsync()
    {
        if (_redis is null)
        {
            return;
        }

        foreach (var endpoint in _redis.GetEndPoints())
        {
            foreach (var key in _redis.GetServer(endpoint).Keys(pattern: _prefix + "*"))
            {
                await Redis.KeyDeleteAsync(key);
            }
        }

        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task ATokenCacheEntryLandsInRedisUnderItsUsersKeyAndSurvivesAnApiRestart()
    {
        var key = GraphPermissions.SessionKey(new UserIdentity(TestUsers.A.TenantId, TestUsers.A.ObjectId, null));
        var serializedCache = "MSAL's serialized cache of user A"u8.ToArray();

        await using (var app = new SignedInApplication(fakeTokenCache: false, settings: Settings()))
        {
            Assert.IsType<MsalDistributedTokenCacheAdapter>(app.Services.GetRequiredService<IMsalTokenCacheProvider>());
            Assert.IsAssignableFrom<RedisCache>(app.Services.GetRequiredService<IDistributedCache>());
            // What the adapter stores: MSAL's bytes, encrypted with Data Protection, under the user's session key.
            var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("RedisTokenCacheTests");
            await app.Services.GetRequiredService<IDistributedCache>().SetAsync(key, protector.Protect(serializedCache));
        }

        Assert.True(await Redis.KeyExistsAsync(_prefix + key), "the entry is not in Redis");
        Assert.True(await Redis.KeyExistsAsync(_prefix + "data-protection-keys"), "the key ring is not in Redis");

        await using (var restarted = new SignedInApplication(fakeTokenCache: false, settings: Settings()))
        {
            var stored = await restarted.Services.GetRequiredService<IDistributedCache>().GetAsync(key);
            Assert.NotNull(stored);
            var protector = restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("RedisTokenCacheTests");
            Assert.Equal(serializedCache, protector.Unprotect(stored));
        }
    }

    [Fact]
    public async Task ErasureRemovesOnlyTheUsersEntryFromRedis()
    {
        var keyOfA = GraphPermissions.SessionKey(new UserIdentity(TestUsers.A.TenantId, TestUsers.A.ObjectId, null));
        var keyOfB = GraphPermissions.SessionKey(new UserIdentity(TestUsers.B.TenantId, TestUsers.B.ObjectId, null));
        await using var app = new SignedInApplication(fakeTokenCache: false, settings: Settings());
        var cache = app.Services.GetRequiredService<IDistributedCache>();
        await cache.SetAsync(keyOfA, [1]);
        await cache.SetAsync(keyOfB, [2]);

        var response = await app.ClientFor(TestUsers.A).DeleteAsync("/api/me");

        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(await Redis.KeyExistsAsync(_prefix + keyOfA));
        Assert.True(await Redis.KeyExistsAsync(_prefix + keyOfB));
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Redis:Configuration"] = TestServers.Redis,
        ["Redis:InstanceName"] = _prefix,
    };
}
