using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Reconnect.Core.People;

/// <summary>
/// Person ids: the first 96 bits of SHA-256 of the person's lexicographically smallest address,
/// base64url (16 characters, safe in a URL path).
/// </summary>
/// <remarks>
/// Deterministic, so a re-sync gives every person the id it had, without storing a mapping. The
/// trade-off: when a merge adds an address that sorts before the current smallest (a new contact
/// card, a new plus-address), the id changes and a client holding the old id gets a 404 and
/// refreshes. Nothing user-visible is lost: feedback is stored per address, not per id, so a
/// dismissed person stays dismissed whatever id they end up with. The hash is not a secret (anyone
/// knowing the address can compute it); ids are only shown to the mailbox owner, who knows it anyway.
/// </remarks>
public static class PersonIds
{
    public static string For(IEnumerable<string> addresses)
    {
        string? smallest = null;
        foreach (var address in addresses)
        {
            if (smallest is null || string.CompareOrdinal(address, smallest) < 0)
            {
                smallest = address;
            }
        }

        if (smallest is null)
        {
            throw new ArgumentException("A person has at least one address.", nameof(addresses));
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(smallest), hash);
        return Base64Url.EncodeToString(hash[..12]);
    }
}
