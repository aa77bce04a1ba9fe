using System.Globalization;
using Npgsql;

namespace Reconnect.Api.Infrastructure;

/// <summary>
/// Hears the mailbox changes other instances publish on PostgreSQL (<c>LISTEN</c> on a connection
/// of its own) and records them in <see cref="MailboxChanges"/>. When the connection drops, the
/// instance stops trusting what it holds in memory until it listens again.
/// </summary>
internal sealed class MailboxChangeListener(string connectionString, MailboxChanges changes, ILogger<MailboxChangeListener> logger) : BackgroundService
{
    /// <summary>The application name the listening connection shows in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "reconnect-change-listener";

    // A connection that died without a word (a dropped network path) is found by a query after this
    // much silence, which must answer within PingTimeoutSeconds: until then the instance trusts a
    // connection that may be gone, so both are short.
    private static readonly TimeSpan QuietCheck = TimeSpan.FromSeconds(5);
    private const int PingTimeoutSeconds = 5;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Its own physical connection: a pooled one would carry the LISTEN back into the pool.
        var listening = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            ApplicationName = ApplicationName,
            CommandTimeout = PingTimeoutSeconds,
            TcpKeepAlive = true,
        }.ConnectionString;
        var retryDelay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listening);
                connection.Notification += (_, notification) => Heard(notification.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {MailboxChanges.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                changes.StartedListening();
                retryDelay = TimeSpan.FromSeconds(1);
                while (true)
                {
                    if (!await connection.WaitAsync(QuietCheck, stoppingToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                changes.StoppedListening();
                logger.LogWarning(exception, "Lost the mailbox change notifications from PostgreSQL; cached mailbox state is bypassed until they are back. Retrying in {Delay}.", retryDelay);
            }

            try
            {
                await Task.Delay(retryDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    private void Heard(string payload)
    {
        if (int.TryParse(payload, NumberStyles.None, CultureInfo.InvariantCulture, out var mailboxId))
        {
            changes.Heard(mailboxId);
        }
        else
        {
            changes.HeardEverything();
        }
    }
}
