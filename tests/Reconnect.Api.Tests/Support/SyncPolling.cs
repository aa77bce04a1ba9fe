using System.Net.Http.Json;
using Reconnect.Api.Sync;

namespace Reconnect.Api.Tests.Support;

public static class Polling
{
    /// <summary>Reads until <paramref name="done"/> holds and returns that reading; a timeout names the last one.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {timeout}; last seen: {value}");
            }

            await Task.Delay(25);
        }
    }
}

public static class SyncPolling
{
    /// <summary>Polls GET /api/sync until the user's sync is no longer running; returns that status.</summary>
    public static async Task<SyncStatus> WhileRunningAsync(HttpClient client, TimeSpan? timeout = null) =>
        (await Polling.UntilAsync(
            () => client.GetFromJsonAsync<SyncStatus>("/api/sync"),
            status => status is not null && status.State != "running",
            timeout ?? TimeSpan.FromMinutes(2),
            "The end of the sync"))!;
}
