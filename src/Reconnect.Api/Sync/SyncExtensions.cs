using Reconnect.Api.Demo;
using Reconnect.Graph;
using Reconnect.GraphSimulator;

namespace Reconnect.Api.Sync;

internal static class SyncExtensions
{
    public static IHostApplicationBuilder AddMailboxSync(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphReaderOptions>()
            .BindConfiguration(GraphReaderOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<SyncOptions>()
            .BindConfiguration(SyncOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SyncLeases>();
        builder.Services.AddSingleton<MailboxSyncRunner>();
        builder.Services.AddSingleton<SyncMetrics>();
        builder.Services.AddGraphResilience();
        builder.Services.AddHealthChecks().AddCheck<SyncHealthCheck>("sync");

        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        if (builder.Configuration.GetValue<bool>($"{DemoOptions.SectionName}:{nameof(DemoOptions.Enabled)}"))
        {
            builder.Services.AddOptions<GraphSimulatorOptions>().BindConfiguration(GraphSimulatorOptions.SectionName);
            builder.Services.AddSingleton<DemoMailboxHost>();
            builder.Services.AddHostedService(services => services.GetRequiredService<DemoMailboxHost>());
            builder.Services.AddSingleton<IGraphClientSource, DemoGraphClientSource>();
        }

        // After the demo mailbox: a resumed or scheduled demo sync needs the simulator running.
        builder.Services.AddHostedService<InterruptedSyncResumer>();
        // After the resumer, so it stops first: no sync is scheduled while running ones hand over their leases.
        builder.Services.AddSingleton<SyncScheduler>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SyncScheduler>());

        return builder;
    }
}
