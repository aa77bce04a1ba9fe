using Microsoft.Extensions.Options;
using Reconnect.Api.Identity;
using Reconnect.Graph;
using Reconnect.Graph.Resilience;

namespace Reconnect.Api.Sync;

internal static class GraphResilienceExtensions
{
    /// <summary>
    /// The one retry policy for Graph (<c>Graph:Resilience:*</c>, see <see cref="GraphResilienceOptions"/>),
    /// one pipeline per mailbox. Every <see cref="IGraphClientSource"/> passes
    /// <c>GraphResiliencePipelines.For(user.MailboxKey())</c> to <see cref="GraphClients.Create"/>.
    /// </summary>
    public static IServiceCollection AddGraphResilience(this IServiceCollection services)
    {
        services.AddOptions<GraphResilienceOptions>()
            .BindConfiguration(GraphResilienceOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // The system clock, not the app's: Clock:Now may stop the app's clock for demos, and a
        // stopped clock would never close a circuit breaker nor end a Retry-After.
        services.AddSingleton(services => new GraphResiliencePipelines(
            services.GetRequiredService<IOptions<GraphResilienceOptions>>().Value,
            services.GetRequiredService<IOptions<GraphReaderOptions>>().Value.MaxConcurrentRequests,
            TimeProvider.System,
            services.GetRequiredService<ILoggerFactory>()));
        return services;
    }

    /// <summary>The key of a user's mailbox for per-mailbox policies: tenant and object id, never an address.</summary>
    public static string MailboxKey(this UserIdentity user) => user.TenantId + "/" + user.ObjectId;
}
