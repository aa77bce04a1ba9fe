using Microsoft.AspNetCore.Http;

namespace Reconnect.Api.Identity;

/// <summary>The signed-in user of this request and their mailbox row.</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor, MailboxDirectory directory)
{
    private int? _mailboxId;

    public UserIdentity Identity =>
        UserIdentity.FromPrincipal(accessor.HttpContext?.User ?? new())
        ?? throw new InvalidOperationException("The request has no tid/oid: the endpoint must require an authenticated user.");

    /// <summary>The user's mailbox id, created on first use.</summary>
    public async Task<int> GetMailboxIdAsync(CancellationToken cancellationToken) =>
        _mailboxId ??= await directory.GetOrCreateAsync(Identity, cancellationToken);

    /// <summary>The user's mailbox with the settings every judgement needs, created on first use.</summary>
    public async Task<MailboxSummary> GetMailboxAsync(CancellationToken cancellationToken) =>
        await directory.FindSummaryAsync(Identity, cancellationToken)
        ?? await directory.FindSummaryAsync(await GetMailboxIdAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// The user's mailbox (created on first use) with their feedback rows and, when
    /// <paramref name="countCorrespondents"/>, the size of their index: what a read endpoint needs
    /// before it touches the people, in one query.
    /// </summary>
    public async Task<MailboxReading> GetMailboxWithFeedbackAsync(bool countCorrespondents, CancellationToken cancellationToken)
    {
        Task<MailboxReading?> Read() => countCorrespondents
            ? directory.FindWithFeedbackAndCountAsync(Identity, cancellationToken)
            : directory.FindWithFeedbackAsync(Identity, cancellationToken);

        if (await Read() is { } reading)
        {
            return reading;
        }

        await GetMailboxIdAsync(cancellationToken);
        return await Read() ?? throw new InvalidOperationException("The mailbox row was removed as it was created.");
    }
}

/// <summary>A mailbox row without its addresses: who, which people version, which threshold.</summary>
internal sealed record MailboxSummary(int Id, string? DisplayName, long PeopleVersion, int StaleAfterMonths);
