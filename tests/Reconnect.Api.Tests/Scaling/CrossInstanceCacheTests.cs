using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.People;
using Reconnect.Api.Tests.People;
using Reconnect.Api.Tests.Support;

namespace Reconnect.Api.Tests.Scaling;

/// <summary>
/// Each instance keeps what its read endpoints ask first (the mailbox row, the user's feedback) in
/// memory. Two instances on one PostgreSQL database: what the user says or changes on one is what
/// the other serves next, even when the other had lost PostgreSQL's notifications for a while.
/// </summary>
public sealed class CrossInstanceCacheTests
{
    // Notifications cross loopback in milliseconds; a lost listener reconnects after a second.
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task FeedbackAndSettingsChangedOnOneInstanceAreServedByTheOther()
    {
        await using var instances = await TwoInstances.StartAsync();
        var (writer, reader, top) = (instances.Writer, instances.Reader, instances.Top);
        Assert.Equal(12, (await reader.GetFromJsonAsync<UserSettings>("/api/settings"))!.StaleAfterMonths);

        Assert.Equal(HttpStatusCode.NoContent, (await writer.PostAsync($"/api/people/{top.PersonId}/dismiss", null)).StatusCode);
        await Polling.UntilAsync(() => SuggestionsEndpointsTests.GetSuggestionsAsync(reader), s => s.All(p => p.PersonId != top.PersonId), Propagation,
            "The dismissed person leaving the other instance's suggestions");

        Assert.Equal(HttpStatusCode.OK, (await writer.PutAsJsonAsync("/api/settings", new SettingsChange(24))).StatusCode);
        await Polling.UntilAsync(() => reader.GetFromJsonAsync<UserSettings>("/api/settings"), s => s!.StaleAfterMonths == 24, Propagation,
            "The new threshold reaching the other instance");

        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/api/people/{top.PersonId}/feedback")).StatusCode);
        await Polling.UntilAsync(() => SuggestionsEndpointsTests.GetSuggestionsAsync(reader), s => s.Any(p => p.PersonId == top.PersonId), Propagation,
            "The person coming back to the other instance's suggestions");
    }

    [Fact]
    public async Task TheOtherInstanceServesFromMemoryAndItIsTheNotificationThatRefreshesIt()
    {
        await using var instances = await TwoInstances.StartAsync();
        var reader = instances.Reader;
        Assert.Equal(12, (await reader.GetFromJsonAsync<UserSettings>("/api/settings"))!.StaleAfterMonths);

        // A change behind the API's back, without a notification: the reader keeps what it holds ...
        await using var connection = new NpgsqlConnection(instances.Database.ConnectionString);
        await connection.OpenAsync();
        await using (var change = new NpgsqlCommand("UPDATE \"Mailboxes\" SET \"StaleAfterMonths\" = 6 RETURNING \"Id\"", connection))
        {
            var mailboxId = (int)(await change.ExecuteScalarAsync())!;
            for (var i = 0; i < 5; i++)
            {
                await Task.Delay(100);
                Assert.Equal(12, (await reader.GetFromJsonAsync<UserSettings>("/api/settings"))!.StaleAfterMonths);
            }

            // ... until it hears the change: then the next request reads it, long before the cache expires.
            await using var notify = new NpgsqlCommand($"SELECT pg_notify('{MailboxChanges.Channel}', '{mailboxId}')", connection);
            await notify.ExecuteNonQueryAsync();
        }

        await Polling.UntilAsync(() => reader.GetFromJsonAsync<UserSettings>("/api/settings"), s => s!.StaleAfterMonths == 6, Propagation,
            "The notified change reaching the reader");
    }

    [Fact]
    public async Task AnInstanceThatLostItsNotificationsDoesNotServeWhatChangedMeanwhileOnceItHearsAgain()
    {
        await using var instances = await TwoInstances.StartAsync();
        var (writer, reader, top, database) = (instances.Writer, instances.Reader, instances.Top, instances.Database);

        // Every listener's connection is cut (as a database failover or a network blip would), and the
        // change is made before any has reconnected: no instance hears its notification.
        Assert.Equal(2, await ListenersAsync(database, terminate: true));
        Assert.Equal(HttpStatusCode.NoContent, (await writer.PostAsync($"/api/people/{top.PersonId}/dismiss", null)).StatusCode);

        // Asked only once it listens again, the reader must not trust what it held from before.
        await Polling.UntilAsync(() => ListenersAsync(database, terminate: false), listening => listening == 2, Propagation, "Both listeners reconnecting");
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.DoesNotContain(top.PersonId, (await SuggestionsEndpointsTests.GetSuggestionsAsync(reader)).Select(s => s.PersonId));
    }

    /// <summary>How many instances listen for mailbox changes on this database (after cutting them off, if asked).</summary>
    private static async Task<int> ListenersAsync(PostgresTestDatabase database, bool terminate)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var listener = "datname = current_database() AND application_name = @name AND backend_type = 'client backend'";
        await using var command = new NpgsqlCommand(
            terminate
                ? $"SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity WHERE {listener}"
                : $"SELECT count(*) FROM pg_stat_activity WHERE {listener}",
            connection);
        command.Parameters.AddWithValue("name", MailboxChangeListener.ApplicationName);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Two instances on one fresh PostgreSQL database; the first (the writer) has synced the sample
    /// mailbox, and the second (the reader) has served, and so cached, the user's suggestions.
    /// </summary>
    private sealed class TwoInstances : IAsyncDisposable
    {
        private ReconnectApplication? _first;
        private ReconnectApplication? _second;

        public PostgresTestDatabase Database { get; } = new();

        public HttpClient Writer { get; private set; } = null!;

        public HttpClient Reader { get; private set; } = null!;

        /// <summary>The reader's top suggestion before any change.</summary>
        public Core.Suggestions.Suggestion Top { get; private set; } = null!;

        public static async Task<TwoInstances> StartAsync()
        {
            var instances = new TwoInstances();
            var settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = "PostgreSQL",
                ["ConnectionStrings:Reconnect"] = instances.Database.ConnectionString,
            };
            instances._first = new ReconnectApplication(FixturePaths.Sample, settings: settings);
            instances._second = new ReconnectApplication(FixturePaths.Sample, settings: settings);
            instances.Writer = instances._first.CreateClient();
            instances.Reader = instances._second.CreateClient();
            await instances._first.SyncToCompletionAsync(instances.Writer);
            instances.Top = (await SuggestionsEndpointsTests.GetSuggestionsAsync(instances.Reader))[0];
            return instances;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var app in new[] { _first, _second })
            {
                if (app is not null)
                {
                    await app.DisposeAsync();
                }
            }

            Database.Dispose();
        }
    }
}
