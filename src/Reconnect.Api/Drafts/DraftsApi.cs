using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Identity;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.People;
using Reconnect.Core.Drafting;

namespace Reconnect.Api.Drafts;

internal static class DraftsApi
{
    public static IEndpointRouteBuilder MapDrafts(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/strategies").WithTags("Drafts")
            .MapGet("/", GetStrategies)
            .WithName("GetStrategies")
            .WithSummary("The three reconnection strategies, each with its inputs and why it works");

        routes.MapGroup("/api/drafts").WithTags("Drafts")
            .MapPost("/", ComposeAsync)
            .WithName("ComposeDraft")
            .WithSummary("Renders a reconnection draft for a person: recipient, subject, HTML and text body")
            .WithDescription("Without a strategy, the one the inputs call for is used: an article → share something relevant; their activity → their recent activity; else own the gap.");

        var templates = routes.MapGroup("/api/templates").WithTags("Drafts");
        templates.MapGet("/{strategy}", GetTemplateAsync)
            .WithName("GetTemplate")
            .WithSummary("The user's own template for a strategy, or the built-in one");
        templates.MapPut("/{strategy}", PutTemplateAsync)
            .WithName("PutTemplate")
            .WithSummary("Saves the user's own Scriban template for a strategy; syntax errors come back with line and column");
        templates.MapDelete("/{strategy}", DeleteTemplateAsync)
            .WithName("DeleteTemplate")
            .WithSummary("Goes back to the built-in template for a strategy");
        return routes;
    }

    private static Ok<IReadOnlyList<StrategyView>> GetStrategies() =>
        TypedResults.Ok<IReadOnlyList<StrategyView>>([.. StrategyCatalog.All.Select(StrategyView.From)]);

    private static async Task<Results<Ok<DraftView>, ValidationProblem, ProblemHttpResult>> ComposeAsync(
        DraftRequest request, PeopleQueries people, ReconnectDbContext db, DraftComposer composer, CancellationToken cancellationToken)
    {
        var strategy = string.IsNullOrWhiteSpace(request.Strategy) ? StrategyRecommender.Recommend(request.Inputs).Id : request.Strategy;
        if (!DraftSpec.TryCreate(strategy, request.Tone, request.Inputs, out var spec, out var errors))
        {
            return TypedResults.ValidationProblem(errors.ToValidationErrors());
        }

        if (string.IsNullOrWhiteSpace(request.PersonId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["personId"] = ["Say whom the draft is for."] });
        }

        var (mailbox, snapshot) = await people.LoadAsync(cancellationToken);
        if (!snapshot.ById.TryGetValue(request.PersonId, out var person))
        {
            return PeopleApi.PersonNotFound(request.PersonId);
        }

        var detail = await people.DetailAsync(mailbox, person, cancellationToken);
        var context = new DraftContext(
            new DraftRecipient(person.DisplayName, person.Addresses[0]),
            mailbox.DisplayName,
            // Silence runs from the last personal contact: a seat at last week's all-hands is not "last talked".
            person.LastPersonalContact ?? person.LastContact,
            people.Clock.GetUtcNow(),
            detail.FirstSubject,
            person.LastMeeting is { } met && met == (person.LastPersonalContact ?? person.LastContact));
        var userTemplate = await db.UserTemplates.AsNoTracking()
            .Where(t => t.MailboxId == mailbox.Id && t.Strategy == spec!.Strategy.ToWireName())
            .Select(t => new UserTemplate(t.Subject, t.Body))
            .FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(DraftView.From(composer.Compose(context, spec!, userTemplate)));
    }

    private static async Task<Results<Ok<TemplateView>, ProblemHttpResult>> GetTemplateAsync(
        string strategy, CurrentUser user, ReconnectDbContext db, CancellationToken cancellationToken)
    {
        if (!DraftingNames.TryParseStrategy(strategy, out var parsed))
        {
            return UnknownStrategy(strategy);
        }

        var mailboxId = await user.GetMailboxIdAsync(cancellationToken);
        var own = await db.UserTemplates.AsNoTracking()
            .FirstOrDefaultAsync(t => t.MailboxId == mailboxId && t.Strategy == parsed.ToWireName(), cancellationToken);
        var builtIn = DraftComposer.BuiltInTemplate(parsed, Tone.Warm);
        return TypedResults.Ok(own is null
            ? new TemplateView(parsed.ToWireName(), builtIn.Subject, builtIn.Body, IsCustom: false)
            : new TemplateView(own.Strategy, own.Subject, own.Body, IsCustom: true));
    }

    private static async Task<Results<Ok<TemplateView>, ValidationProblem, ProblemHttpResult>> PutTemplateAsync(
        string strategy, TemplateChange change, CurrentUser user, ReconnectDbContext db, CancellationToken cancellationToken)
    {
        if (!DraftingNames.TryParseStrategy(strategy, out var parsed))
        {
            return UnknownStrategy(strategy);
        }

        var errors = TemplateValidator.Validate(parsed, change.Subject, change.Body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.Select(e => e.ToFieldError()).ToValidationErrors());
        }

        var mailboxId = await user.GetMailboxIdAsync(cancellationToken);
        var row = await db.UserTemplates.FirstOrDefaultAsync(t => t.MailboxId == mailboxId && t.Strategy == parsed.ToWireName(), cancellationToken);
        if (row is null)
        {
            row = new UserTemplateRow { MailboxId = mailboxId, Strategy = parsed.ToWireName(), Subject = change.Subject!, Body = change.Body! };
            db.UserTemplates.Add(row);
        }
        else
        {
            row.Subject = change.Subject!;
            row.Body = change.Body!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new TemplateView(row.Strategy, row.Subject, row.Body, IsCustom: true));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteTemplateAsync(
        string strategy, CurrentUser user, ReconnectDbContext db, CancellationToken cancellationToken)
    {
        if (!DraftingNames.TryParseStrategy(strategy, out var parsed))
        {
            return UnknownStrategy(strategy);
        }

        var mailboxId = await user.GetMailboxIdAsync(cancellationToken);
        await db.UserTemplates.Where(t => t.MailboxId == mailboxId && t.Strategy == parsed.ToWireName()).ExecuteDeleteAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult UnknownStrategy(string strategy) =>
        PeopleApi.NotFound("No such strategy", $"'{strategy}' is not a strategy; GET /api/strategies lists them.");
}

/// <summary>A draft request, per design.md: for whom, which strategy (optional), which tone, and the strategy's inputs.</summary>
public sealed record DraftRequest(string? PersonId, string? Strategy, string? Tone, Dictionary<string, string?>? Inputs);

/// <summary>A rendered draft, per design.md's contract, with the strategy and tone used and any warnings.</summary>
public sealed record DraftView(IReadOnlyList<DraftAddress> To, string Subject, string HtmlBody, string TextBody, string Strategy, string Tone, IReadOnlyList<string> Warnings)
{
    internal static DraftView From(Draft draft) =>
        new([draft.To], draft.Subject, draft.HtmlBody, draft.TextBody, draft.Strategy.ToWireName(), draft.Tone.ToWireName(), draft.Warnings);
}

/// <summary>A strategy with its inputs, for the task pane.</summary>
public sealed record StrategyView(string Id, string Title, string Description, string Why, IReadOnlyList<StrategyInputView> Inputs)
{
    internal static StrategyView From(StrategyInfo info) => new(
        info.Id, info.Title, info.Description, info.Why,
        [.. info.Inputs.Select(i => new StrategyInputView(i.Name, i.Label, i.Placeholder, i.Required, i.KindName, i.MaxLength))]);
}

public sealed record StrategyInputView(string Name, string Label, string Placeholder, bool Required, string Kind, int MaxLength);

public sealed record TemplateView(string Strategy, string Subject, string Body, bool IsCustom);

public sealed record TemplateChange(string? Subject, string? Body);
