using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Identity;
using Reconnect.Api.Infrastructure;
using Reconnect.Core.Staleness;

namespace Reconnect.Api.People;

internal static class SettingsApi
{
    public static RouteGroupBuilder MapSettings(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/settings").WithTags("Settings");

        group.MapGet("/", GetSettingsAsync)
            .WithName("GetSettings")
            .WithSummary("The user's settings: after how many months of silence someone counts as stale");
        group.MapPut("/", PutSettingsAsync)
            .WithName("PutSettings")
            .WithSummary("Changes the user's staleness threshold (3, 6, 12 or 24 months)");

        return group;
    }

    private static async Task<Ok<UserSettings>> GetSettingsAsync(CurrentUser user, CancellationToken cancellationToken) =>
        TypedResults.Ok(UserSettings.Of((await user.GetMailboxAsync(cancellationToken)).StaleAfterMonths));

    private static async Task<Results<Ok<UserSettings>, ValidationProblem>> PutSettingsAsync(
        SettingsChange change, CurrentUser user, ReconnectDbContext db, MailboxChanges changes, CancellationToken cancellationToken)
    {
        if (!StalenessPolicy.AllowedThresholdMonths.Contains(change.StaleAfterMonths))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["staleAfterMonths"] = [$"Choose {string.Join(", ", StalenessPolicy.AllowedThresholdMonths)} months."],
            });
        }

        var mailboxId = await user.GetMailboxIdAsync(cancellationToken);
        await db.Mailboxes.Where(m => m.Id == mailboxId).ExecuteUpdateAsync(m => m.SetProperty(x => x.StaleAfterMonths, change.StaleAfterMonths), cancellationToken);
        await changes.PublishAsync(db, mailboxId);
        return TypedResults.Ok(UserSettings.Of(change.StaleAfterMonths));
    }
}

public sealed record SettingsChange(int StaleAfterMonths);

public sealed record UserSettings(int StaleAfterMonths, IReadOnlyList<int> AllowedStaleAfterMonths)
{
    public static UserSettings Of(int months) => new(months, StalenessPolicy.AllowedThresholdMonths);
}
