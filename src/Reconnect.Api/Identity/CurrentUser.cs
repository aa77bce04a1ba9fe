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
}

/// <summary>A mailbox row without its addresses: who, which people version, which threshold.</summary>
internal sealed record MailboxSummary(int Id, string? DisplayName, long PeopleVersion, int StaleAfterMonths);
