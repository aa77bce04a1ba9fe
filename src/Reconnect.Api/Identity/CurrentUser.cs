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
}
