using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Reconnect.Api.Identity;

namespace Reconnect.Api.Extensions;

/// <summary>
/// Per-user limits on /api. Bound from <c>{ "RateLimiting": { "PermitsPerMinute": 1200 } }</c>.
/// The default is far above what the pane needs (it polls the sync status about once a second); it
/// is there to stop a runaway client or a stolen token from hammering the database, not to meter use.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    [Range(1, 1_000_000)]
    public int PermitsPerMinute { get; set; } = 1200;

    /// <summary>Requests that wait for the next window instead of being refused at once.</summary>
    [Range(0, 10_000)]
    public int QueueLimit { get; set; }
}

internal static class RateLimiting
{
    public const string PerUserPolicy = "per-user";

    public static IHostApplicationBuilder AddPerUserRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerUserPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
                // Authorization runs first, so every request here has a user; the address is a fallback only.
                var user = UserIdentity.FromPrincipal(context.User);
                var key = user is not null ? $"user:{user.TenantId}/{user.ObjectId}" : $"ip:{context.Connection.RemoteIpAddress}";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = options.QueueLimit,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"Slow down: try again in {seconds} seconds.",
                    },
                });
            };
        });
        return builder;
    }

    /// <summary>Applies the per-user limit to a group of endpoints.</summary>
    public static TBuilder RequirePerUserRateLimit<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(PerUserPolicy);
}
