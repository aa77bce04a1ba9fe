using System.Text;
using Reconnect.GraphSimulator;

namespace Reconnect.Graph.Tests;

public sealed class DelegatedTokenProviderTests
{
    private static string SamplePath => Path.Combine(AppContext.BaseDirectory, "fixtures", "sample-mailbox");

    [Fact]
    public async Task GraphReceivesTheAcquiredTokenAsABearerToken()
    {
        await using var server = await GraphSimulatorServer.StartAsync(SamplePath);
        var calls = 0;
        var graph = GraphClients.Create(server.BaseUrl, DelegatedTokenProvider.Authentication(server.BaseUrl, (_, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult("obo-token-123");
        }));

        var me = await graph.Me.GetAsync();

        Assert.Equal("Jordan Reyes", me?.DisplayName);
        Assert.Equal("Bearer obo-token-123", server.Simulator.LastAuthorizationHeader);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task EachRequestAsksForATokenSoARefreshedOneIsUsed()
    {
        await using var server = await GraphSimulatorServer.StartAsync(SamplePath);
        var issued = 0;
        var graph = GraphClients.Create(server.BaseUrl, DelegatedTokenProvider.Authentication(server.BaseUrl, (_, _) =>
            Task.FromResult($"token-{Interlocked.Increment(ref issued)}")));

        await graph.Me.GetAsync();
        await graph.Me.GetAsync();

        Assert.Equal("Bearer token-2", server.Simulator.LastAuthorizationHeader);
    }

    [Fact]
    public async Task AnotherHostGetsNoToken()
    {
        var provider = new DelegatedTokenProvider("https://graph.microsoft.com/v1.0", (_, _) => Task.FromResult("secret"));

        Assert.Equal("secret", await provider.GetAuthorizationTokenAsync(new Uri("https://graph.microsoft.com/v1.0/me")));
        Assert.Equal("", await provider.GetAuthorizationTokenAsync(new Uri("https://evil.example/v1.0/me")));
        Assert.Equal("", await provider.GetAuthorizationTokenAsync(new Uri("https://graph.microsoft.com.evil.example/v1.0/me")));
    }

    [Fact]
    public async Task PlainHttpIsRefusedExceptOnLoopback()
    {
        var remote = new DelegatedTokenProvider("http://graph.example/v1.0", (_, _) => Task.FromResult("secret"));
        var loopback = new DelegatedTokenProvider("http://127.0.0.1:5000/v1.0", (_, _) => Task.FromResult("local"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => remote.GetAuthorizationTokenAsync(new Uri("http://graph.example/v1.0/me")));
        Assert.Equal("local", await loopback.GetAuthorizationTokenAsync(new Uri("http://127.0.0.1:5000/v1.0/me")));
    }

    [Fact]
    public async Task AClaimsChallengeIsPassedOnDecoded()
    {
        string? seen = null;
        var provider = new DelegatedTokenProvider("https://graph.microsoft.com/v1.0", (claims, _) =>
        {
            seen = claims;
            return Task.FromResult("t");
        });
        const string json = """{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}""";
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=');

        await provider.GetAuthorizationTokenAsync(new Uri("https://graph.microsoft.com/v1.0/me"), new() { ["claims"] = encoded });
        Assert.Equal(json, seen);

        await provider.GetAuthorizationTokenAsync(new Uri("https://graph.microsoft.com/v1.0/me"));
        Assert.Null(seen);
    }
}
