using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Identity;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.People;
using Reconnect.Core.People;
using Reconnect.Core.Suggestions;

namespace Reconnect.Api.Correspondents;

internal static class CorrespondentsApi
{
    public static RouteGroupBuilder MapCorrespondents(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/correspondents").WithTags("Correspondents");

        group.MapGet("/", GetCorrespondentsAsync)
            .WithName("GetCorrespondents")
            .WithSummary("The correspondence index: every address the user exchanged mail with, ordered by address");

        return group;
    }

    private static async Task<Ok<CorrespondentPage>> GetCorrespondentsAsync(
        [AsParameters] CorrespondentsQuery query, CurrentUser user, ReconnectDbContext db, PeopleDirectory people, CancellationToken cancellationToken)
    {
        var (mailbox, feedback) = await user.GetMailboxWithFeedbackAsync(cancellationToken);
        var mailboxId = mailbox.Id;
        var total = await db.Correspondents.CountAsync(c => c.MailboxId == mailboxId, cancellationToken);
        var rows = await db.Correspondents.AsNoTracking().Where(c => c.MailboxId == mailboxId)
            .OrderBy(c => c.Address)
            .Skip(query.Skip)
            .Take(query.Take)
            .ToListAsync(cancellationToken);
        var snapshot = await people.GetAsync(mailboxId, mailbox.PeopleVersion, cancellationToken);
        return TypedResults.Ok(new CorrespondentPage(total, [.. rows.Select(c => CorrespondentItem.From(c, snapshot.ByAddress.GetValueOrDefault(c.Address), feedback))]));
    }
}

public sealed record CorrespondentsQuery(
    [Range(0, int.MaxValue)][Description("How many correspondents to skip")] int Skip = 0,
    [Range(1, CorrespondentsQuery.MaxTake)][Description("How many to return (1-1000, default 100)")] int Take = CorrespondentsQuery.DefaultTake)
{
    public const int DefaultTake = 100;
    public const int MaxTake = 1000;
}

public sealed record CorrespondentPage(int Total, IReadOnlyList<CorrespondentItem> Items);

/// <summary>One row of the correspondence index, as design.md's contract gives it.</summary>
public sealed record CorrespondentItem(
    string Address,
    string? DisplayName,
    int SentCount,
    int ReceivedCount,
    DateTime? LastSent,
    DateTime? LastReceived,
    DateTime? LastContact,
    bool Automated,
    string? PersonId)
{
    /// <remarks>
    /// Automated is the person's verdict (all their addresses, their exchanges, the user's "not a
    /// person"); an address no person holds yet (a sync still running) is judged on its own.
    /// </remarks>
    internal static CorrespondentItem From(Correspondent c, PersonProfile? person, SuggestionFeedback feedback) => new(
        c.Address,
        c.DisplayName,
        c.SentCount,
        c.ReceivedCount,
        c.LastSent,
        c.LastReceived,
        c.LastSent > c.LastReceived || c.LastReceived is null ? c.LastSent : c.LastReceived,
        feedback.IsNotAPerson(c.Address)
            || (person?.IsAutomated ?? AutomatedSenders.Classify(new SenderStats(c.Address, c.SentCount, c.ReceivedCount, c.BulkCount, c.OtherCount)).IsAutomated),
        person?.PersonId);
}
