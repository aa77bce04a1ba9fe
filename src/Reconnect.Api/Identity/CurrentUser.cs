using Microsoft.AspNetCore.Http;
using Reconnect.Core.Suggestions;

namespace Reconnect.Api.Identity;

/// <summary>The signed-in user of this request and their mailbox row.</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor, MailboxDirectory directory, MailboxReadingCache cache)
{
    private MailboxReading? _reading;

    public UserIdentity Identity =>
        UserIdentity.FromPrincipal(accessor.HttpContext?.User ?? new())
        ?? throw new InvalidOperationException("The request has no tid/oid: the endpoint must require an authenticated user.");

    /// <summary>The user's mailbox id, created on first use.</summary>
    public async Task<int> GetMailboxIdAsync(CancellationToken cancellationToken) =>
        (await GetMailboxWithFeedbackAsync(cancellationToken)).Mailbox.Id;

    /// <summary>The user's mailbox with the settings every judgement needs, created on first use.</summary>
    public async Task<MailboxSummary> GetMailboxAsync(CancellationToken cancellationToken) =>
        (await GetMailboxWithFeedbackAsync(cancellationToken)).Mailbox;

    /// <summary>
    /// The user's mailbox (created on first use) with what they said of people: what a read
    /// endpoint needs before it touches the people, from this instance's cache when it is current.
    /// </summary>
    public async Task<MailboxReading> GetMailboxWithFeedbackAsync(CancellationToken cancellationToken)
    {
        if (_reading is null)
        {
            _reading = await cache.GetAsync(Identity, () => ReadAsync(Identity, cancellationToken));
            if (!directory.SeenToday(_reading.Mailbox.LastSeenAt))
            {
                // The user is here: the scheduler keeps their mailbox fresh (Sync:DormantAfter).
                await directory.MarkSeenTodayAsync(_reading.Mailbox.Id, cancellationToken);
            }
        }

        return _reading;
    }

    private async Task<MailboxReading> ReadAsync(UserIdentity identity, CancellationToken cancellationToken)
    {
        if (await directory.FindWithFeedbackAsync(identity, cancellationToken) is { } reading)
        {
            return reading;
        }

        await directory.GetOrCreateAsync(identity, cancellationToken);
        return await directory.FindWithFeedbackAsync(identity, cancellationToken)
            ?? throw new InvalidOperationException("The mailbox row was removed as it was created.");
    }
}

/// <summary>A mailbox row without its addresses: who, which people version, which threshold.</summary>
internal sealed record MailboxSummary(int Id, string? DisplayName, long PeopleVersion, int StaleAfterMonths, DateTime? LastSeenAt);

/// <summary>A mailbox as the read endpoints need it: its summary and what the user said of people.</summary>
internal sealed record MailboxReading(MailboxSummary Mailbox, SuggestionFeedback Feedback);
