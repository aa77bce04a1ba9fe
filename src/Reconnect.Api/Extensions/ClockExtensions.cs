namespace Reconnect.Api.Extensions;

internal static class ClockExtensions
{
    /// <summary>
    /// The app's clock: the real time, or the fixed <c>Clock:Now</c> (ISO 8601) that demos and the
    /// evaluation of old mailboxes need, so "stale" means stale as of that day.
    /// </summary>
    public static IHostApplicationBuilder AddClock(this IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration["Clock:Now"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            builder.Services.AddSingleton(TimeProvider.System);
            return builder;
        }

        if (!DateTimeOffset.TryParse(configured, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var now))
        {
            throw new InvalidOperationException($"Clock:Now '{configured}' is not an ISO 8601 date and time.");
        }

        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(now));
        return builder;
    }

    /// <summary>A clock stopped at one instant.</summary>
    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
