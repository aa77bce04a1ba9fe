using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Identity;
using Reconnect.Api.Infrastructure;
using Reconnect.Core.Correspondence;
using Reconnect.Core.Meetings;
using Reconnect.Core.People;
using Reconnect.Core.Staleness;
using Reconnect.Core.Suggestions;

namespace Reconnect.Api.People;

internal static class PeopleApi
{
    public static RouteGroupBuilder MapPeople(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/people").WithTags("People");

        group.MapGet("/lookup", LookupAsync)
            .WithName("LookupPerson")
            .WithSummary("The person behind an address (for the read-mode card), or 404");
        group.MapGet("/{personId}", GetPersonAsync)
            .WithName("GetPerson")
            .WithSummary("One person's history: addresses, counts and dates each way, rhythm, quarters, staleness");
        group.MapPost("/{personId}/snooze", SnoozeAsync)
            .WithName("SnoozePerson")
            .WithSummary("Keeps a person out of suggestions until a date (or for 1 or 3 months)");
        group.MapPost("/{personId}/dismiss", DismissAsync)
            .WithName("DismissPerson")
            .WithSummary("Keeps a person out of suggestions for good");
        group.MapPost("/{personId}/not-a-person", MarkNotAPersonAsync)
            .WithName("MarkNotAPerson")
            .WithSummary("Marks a person's addresses as automated for this user");
        group.MapDelete("/{personId}/feedback", ClearFeedbackAsync)
            .WithName("ClearPersonFeedback")
            .WithSummary("Undoes snooze, dismiss and not-a-person for a person");

        return group;
    }

    private static async Task<Results<Ok<PersonDetail>, ProblemHttpResult>> GetPersonAsync(
        [Description("The person's id, as suggestions and correspondents give it")] string personId, PeopleQueries services, CancellationToken cancellationToken)
    {
        var (mailbox, people) = await services.LoadAsync(cancellationToken);
        return people.ById.TryGetValue(personId, out var person)
            ? TypedResults.Ok(await services.DetailAsync(mailbox, person, cancellationToken))
            : PersonNotFound(personId);
    }

    private static async Task<Results<Ok<PersonDetail>, ProblemHttpResult, ValidationProblem>> LookupAsync(
        [Description("An e-mail address, in any of the forms mail carries")] string? address, PeopleQueries services, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(address);
        if (normalized is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["address"] = ["An e-mail address is required."] });
        }

        var (mailbox, people) = await services.LoadAsync(cancellationToken);
        return people.ByAddress.TryGetValue(normalized, out var person)
            ? TypedResults.Ok(await services.DetailAsync(mailbox, person, cancellationToken))
            : NotFound("No such correspondent", $"You have no mail history with {normalized}.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> SnoozeAsync(
        string personId, SnoozeRequest? request, PeopleQueries services, CancellationToken cancellationToken)
    {
        var now = services.Clock.GetUtcNow().UtcDateTime;
        var until = request?.Until?.ToUniversalTime() ?? SuggestionFeedback.SnoozeUntil(now, request?.Months ?? SuggestionFeedback.DefaultSnoozeMonths[0]);
        if (request?.Months is { } months && !SuggestionFeedback.DefaultSnoozeMonths.Contains(months))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["months"] = [$"Snooze for {string.Join(" or ", SuggestionFeedback.DefaultSnoozeMonths)} months, or give a date in 'until'."] });
        }

        if (until <= now)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["until"] = ["A snooze must end in the future."] });
        }

        return (await services.RecordAsync(personId, f => f.SnoozedUntil = until, cancellationToken)).Result switch
        {
            ProblemHttpResult notFound => notFound,
            _ => TypedResults.NoContent(),
        };
    }

    private static Task<Results<NoContent, ProblemHttpResult>> DismissAsync(string personId, PeopleQueries services, CancellationToken cancellationToken) =>
        services.RecordAsync(personId, f => f.Dismissed = true, cancellationToken);

    private static Task<Results<NoContent, ProblemHttpResult>> MarkNotAPersonAsync(string personId, PeopleQueries services, CancellationToken cancellationToken) =>
        services.RecordAsync(personId, f => f.NotAPerson = true, cancellationToken);

    private static async Task<Results<NoContent, ProblemHttpResult>> ClearFeedbackAsync(string personId, PeopleQueries services, CancellationToken cancellationToken)
    {
        var (mailbox, people) = await services.LoadAsync(cancellationToken);
        if (!people.ById.TryGetValue(personId, out var person))
        {
            return PersonNotFound(personId);
        }

        await services.Feedback.ClearAsync(mailbox.Id, person.Addresses, cancellationToken);
        return TypedResults.NoContent();
    }

    internal static ProblemHttpResult PersonNotFound(string personId) =>
        NotFound("No such person", $"There is no person '{personId}' in your mail history.");

    internal static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status404NotFound);
}

/// <summary>Snooze until a date, or for a number of months (1 or 3); neither means one month.</summary>
public sealed record SnoozeRequest(DateTime? Until, int? Months);

/// <summary>Reads a signed-in user's people and their history, and records what the user says of them.</summary>
internal sealed class PeopleQueries(CurrentUser user, PeopleDirectory directory, FeedbackStore feedback, ReconnectDbContext db, TimeProvider clock)
{
    public TimeProvider Clock => clock;

    public FeedbackStore Feedback => feedback;

    public async Task<(MailboxSummary Mailbox, PeopleSnapshot People)> LoadAsync(CancellationToken cancellationToken)
    {
        var mailbox = await user.GetMailboxAsync(cancellationToken);
        return (mailbox, await directory.GetAsync(mailbox.Id, mailbox.PeopleVersion, cancellationToken));
    }

    public async Task<Results<NoContent, ProblemHttpResult>> RecordAsync(string personId, Action<Infrastructure.Feedback> change, CancellationToken cancellationToken)
    {
        var (mailbox, people) = await LoadAsync(cancellationToken);
        if (!people.ById.TryGetValue(personId, out var person))
        {
            return PeopleApi.PersonNotFound(personId);
        }

        await feedback.RecordAsync(mailbox.Id, person.Addresses, change, cancellationToken);
        return TypedResults.NoContent();
    }

    public async Task<PersonDetail> DetailAsync(MailboxSummary mailbox, PersonProfile person, CancellationToken cancellationToken)
    {
        var addresses = person.Addresses.ToList();
        var history = await db.Interactions.AsNoTracking()
            .Where(i => i.MailboxId == mailbox.Id && addresses.Contains(i.Address))
            .Select(i => new { i.SourceId, i.Kind, i.Direction, i.Date })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        // A meeting with two of their addresses is one meeting; an upcoming one has not happened yet.
        var items = history.Where(i => i.Kind == InteractionKind.Email || MeetingRules.HasHappened(i.Date, now))
            .DistinctBy(i => (i.SourceId, i.Kind, i.Direction)).ToList();
        var quarters = items
            .GroupBy(i => new DateTime(i.Date.Year, ((i.Date.Month - 1) / 3 * 3) + 1, 1, 0, 0, 0, DateTimeKind.Utc))
            .OrderBy(g => g.Key)
            .Select(g => new QuarterActivity($"{g.Key.Year}-Q{((g.Key.Month - 1) / 3) + 1}", g.Key,
                g.Count(i => i.Kind == InteractionKind.Email && i.Direction == Direction.Sent),
                g.Count(i => i.Kind == InteractionKind.Email && i.Direction == Direction.Received),
                g.Count(i => i.Kind == InteractionKind.Meeting)))
            .ToList();
        var first = items.Where(i => i.Kind == InteractionKind.Email).OrderBy(i => i.Date).Select(i => (long?)i.SourceId).FirstOrDefault();
        var firstSubject = first is not { } firstId ? null : await db.IndexedMessages.AsNoTracking()
            .Where(m => m.MailboxId == mailbox.Id && m.MessageId == firstId).Select(m => m.Subject).FirstOrDefaultAsync(cancellationToken);
        return PersonDetails.From(person, now, new StalenessPolicy(mailbox.StaleAfterMonths),
            await feedback.LoadAsync(mailbox.Id, cancellationToken), firstSubject, quarters);
    }
}
