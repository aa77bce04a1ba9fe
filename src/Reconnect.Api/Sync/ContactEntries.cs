using Reconnect.Api.Infrastructure;
using Reconnect.Core.Correspondence;
using Reconnect.Graph;

namespace Reconnect.Api.Sync;

internal static class ContactEntries
{
    public static ContactEntry From(int mailboxId, ContactCard contact) => new()
    {
        MailboxId = mailboxId,
        ContactId = contact.Id,
        DisplayName = DisplayNames.Clean(contact.DisplayName),
        GivenName = DisplayNames.Clean(contact.GivenName),
        Surname = DisplayNames.Clean(contact.Surname),
        CompanyName = DisplayNames.Clean(contact.CompanyName),
        Addresses = string.Join('\n', contact.Addresses.Select(a => EmailAddress.Normalize(a.Address)).OfType<string>().Distinct()),
    };
}
