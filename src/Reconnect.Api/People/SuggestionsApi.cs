using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Reconnect.Api.Identity;
using Reconnect.Core.Suggestions;

namespace Reconnect.Api.People;

internal static class SuggestionsApi
{
    public static RouteGroupBuilder MapSuggestions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/suggestions").WithTags("Suggestions");

        group.MapGet("/", GetSuggestionsAsync)
            .WithName("GetSuggestions")
            .WithSummary("The people the user has fallen out of touch with, best first, each with a reason");

        return group;
    }

    private static async Task<Ok<SuggestionList>> GetSuggestionsAsync(
        [AsParameters] SuggestionsQuery query, CurrentUser user, PeopleDirectory directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (mailbox, feedback) = await user.GetMailboxWithFeedbackAsync(cancellationToken);
        var people = await directory.GetAsync(mailbox.Id, mailbox.PeopleVersion, cancellationToken);
        var suggestions = SuggestionRanker.Rank(
            people.Ranking, clock.GetUtcNow().UtcDateTime, SuggestionSettings.ForThreshold(mailbox.StaleAfterMonths),
            feedback, query.Take);
        return TypedResults.Ok(new SuggestionList(suggestions));
    }
}

public sealed record SuggestionsQuery(
    [Range(1, SuggestionRanker.MaxTake)][Description("How many suggestions (1-200, default 20)")] int Take = 20);

public sealed record SuggestionList(IReadOnlyList<Suggestion> Items);
