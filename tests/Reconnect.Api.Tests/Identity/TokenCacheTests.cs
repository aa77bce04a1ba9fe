using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web.TokenCacheProviders;
using Microsoft.Identity.Web.TokenCacheProviders.Distributed;
using Microsoft.Identity.Web.TokenCacheProviders.InMemory;
using Reconnect.Api.Identity;

namespace Reconnect.Api.Tests.Identity;

public sealed class TokenCacheTests
{
    [Fact]
    public async Task TokensAreCachedInMemoryByDefault()
    {
        await using var app = new SignedInApplication(fakeTokenCache: false);

        Assert.IsType<MsalMemoryTokenCacheProvider>(app.Services.GetRequiredService<IMsalTokenCacheProvider>());
    }

    [Fact]
    public async Task ADistributedCacheIsAChoiceOfConfigurationAndIsEncrypted()
    {
        await using var app = new SignedInApplication(fakeTokenCache: false, settings: new Dictionary<string, string?> { ["TokenCache:Provider"] = "Distributed" });

        Assert.IsType<MsalDistributedTokenCacheAdapter>(app.Services.GetRequiredService<IMsalTokenCacheProvider>());
        Assert.True(app.Services.GetRequiredService<IOptions<MsalDistributedTokenCacheAdapterOptions>>().Value.Encrypt);
    }

    [Fact]
    public async Task ErasureRemovesTheUsersEntryFromTheRealMemoryCache()
    {
        await using var app = new SignedInApplication(fakeTokenCache: false);
        var memory = app.Services.GetRequiredService<IMemoryCache>();
        var keyOfA = GraphPermissions.SessionKey(new UserIdentity(TestUsers.A.TenantId, TestUsers.A.ObjectId, null));
        var keyOfB = GraphPermissions.SessionKey(new UserIdentity(TestUsers.B.TenantId, TestUsers.B.ObjectId, null));
        // Where MSAL's serialized cache of each user's on-behalf-of session lives.
        memory.Set(keyOfA, new byte[] { 1 });
        memory.Set(keyOfB, new byte[] { 2 });

        var response = await app.ClientFor(TestUsers.A).DeleteAsync("/api/me");

        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(memory.TryGetValue(keyOfA, out _));
        Assert.True(memory.TryGetValue(keyOfB, out _));
    }
}
