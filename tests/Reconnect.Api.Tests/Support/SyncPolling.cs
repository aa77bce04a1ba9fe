using System.Net.Http.Json;
using Reconnect.Api.Sync;

namespace Reconnect.Api.Tests.Support;

public static class SyncPolling
{
    /// <summary>Polls GET /api/sync until the user's sync is no longer running; returns that status.</summary>
    public static async Task<SyncStatus> WhileRunningAsync(HttpClient client, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        while (true)
        {
            var status = await client.GetFromJsonAsync<SyncStatus>("/api/sync");
            if (status is not null && status.State != "running")
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The sync was still running after {timeout}: {status}");
            }

            await Task.Delay(25);
        }
    }
}
