namespace Reconnect.Api.People;

internal static class PeopleExtensions
{
    public static IHostApplicationBuilder AddPeople(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PeopleOptions>()
            .BindConfiguration(PeopleOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<PeopleCache>();
        builder.Services.AddScoped<PeopleDirectory>();
        builder.Services.AddScoped<FeedbackStore>();
        builder.Services.AddScoped<PeopleQueries>();
        builder.Services.AddSingleton<Reconnect.Core.Drafting.DraftComposer>();
        return builder;
    }
}
