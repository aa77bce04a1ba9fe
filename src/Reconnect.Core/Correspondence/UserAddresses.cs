namespace Reconnect.Core.Correspondence;

/// <summary>The addresses that are the mailbox owner's own: mail, user principal name and SMTP proxies.</summary>
public sealed class UserAddresses
{
    private readonly HashSet<string> _addresses;

    public UserAddresses(IEnumerable<string?> addresses)
    {
        _addresses = new HashSet<string>(addresses.Select(EmailAddress.Normalize).OfType<string>(), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> All => _addresses;

    /// <summary>
    /// Builds the set from a Graph-style user: <paramref name="proxyAddresses"/> entries are
    /// <c>SMTP:</c> (primary) or <c>smtp:</c> (alias); other proxy types (x500:, sip:) are not mail.
    /// </summary>
    public static UserAddresses FromUser(string? mail, string? userPrincipalName, IEnumerable<string>? proxyAddresses)
    {
        var smtpProxies = (proxyAddresses ?? [])
            .Where(p => p.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase))
            .Select(p => p["smtp:".Length..]);
        return new UserAddresses([mail, userPrincipalName, .. smtpProxies]);
    }

    /// <summary>Whether a normalized address is the owner's.</summary>
    public bool Contains(string? normalizedAddress) => normalizedAddress is not null && _addresses.Contains(normalizedAddress);
}
