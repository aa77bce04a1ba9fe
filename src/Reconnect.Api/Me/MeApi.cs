using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Reconnect.Api.Identity;
using Reconnect.Api.Infrastructure;

namespace Reconnect.Api.Me;

/// <summary>The signed-in user's own account: today, the right to be forgotten.</summary>
internal static class MeApi
{
    public static RouteGroupBuilder MapMe(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/me").WithTags("Me");

        group.MapDelete("/", EraseAsync)
            .WithName("EraseMyData")
            .WithSummary("Erases everything Reconnect stores for the signed-in user")
            .WithDescription("The correspondence index, people, feedback, templates, sync state and cached Microsoft Graph tokens. "
                + "Answers 204 whether or not anything was stored; using Reconnect again starts afresh.");

        return group;
    }

    private static async Task<NoContent> EraseAsync(
        CurrentUser user, ReconnectDbContext db, IGraphSessions sessions, People.PeopleCache people, MailboxChanges changes, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var identity = user.Identity;

        // Every per-user table points at the mailbox row with ON DELETE CASCADE, so this one statement
        // erases them all, new tables included (Identity tests check that no row of the user is left).
        // A sync still running for the user fails on its next write, for the same reason.
        var mailboxes = db.Mailboxes.Where(m => m.TenantId == identity.TenantId && m.ObjectId == identity.ObjectId);
        var ids = await mailboxes.Select(m => m.Id).ToListAsync(cancellationToken);
        var erased = await mailboxes.ExecuteDeleteAsync(cancellationToken);
        foreach (var id in ids)
        {
            people.Forget(id);
            await changes.PublishAsync(db, id);
        }

        await sessions.ForgetAsync(identity, cancellationToken);

        loggers.CreateLogger(typeof(MeApi)).LogInformation("Erased the data of a user on request ({Mailboxes} mailbox)", erased);
        return TypedResults.NoContent();
    }
}
