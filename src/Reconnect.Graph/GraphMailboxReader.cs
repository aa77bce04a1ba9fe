using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Serialization;
using System.Text.Json;
using Reconnect.Core.Correspondence;

namespace Reconnect.Graph;

/// <summary>
/// Reads a mailbox's envelopes through the Microsoft Graph SDK: the owner, the folders worth
/// reading, each folder's message delta page by page, and the contacts. Only envelope
/// properties are ever selected, which is why Mail.ReadBasic suffices.
/// </summary>
public sealed class GraphMailboxReader(GraphServiceClient client, GraphReaderOptions options)
{
    /// <summary>Envelope-only projection of a message: who, when, where, and bulk-mail hints.</summary>
    internal static readonly string[] MessageSelect =
    [
        "id", "internetMessageId", "parentFolderId", "isDraft", "sentDateTime", "receivedDateTime",
        "subject", "from", "toRecipients", "ccRecipients", "bccRecipients", "internetMessageHeaders",
        "inferenceClassification",
    ];

    /// <summary>Envelope-only projection of an event: who, when, who said yes. Never the body or location.</summary>
    internal static readonly string[] EventSelect =
    [
        "id", "iCalUId", "subject", "start", "end", "isAllDay", "isCancelled", "isOrganizer", "type",
        "organizer", "attendees", "responseStatus",
    ];

    // Drafts were never sent, junk is not correspondence, and the outbox holds what has not left yet.
    internal static readonly string[] SkippedWellKnownFolders = ["drafts", "junkemail", "outbox"];

    public async Task<MailboxOwner> GetOwnerAsync(CancellationToken cancellationToken)
    {
        var me = await client.Me.GetAsync(
            request => request.QueryParameters.Select = ["id", "displayName", "mail", "userPrincipalName", "proxyAddresses"],
            cancellationToken) ?? throw new InvalidDataException("Graph returned no user for /me.");
        return new MailboxOwner(
            me.Id ?? string.Empty,
            me.DisplayName,
            UserAddresses.FromUser(me.Mail, me.UserPrincipalName, me.ProxyAddresses));
    }

    /// <summary>Every folder, nested ones included, except Drafts, Junk Email and Outbox.</summary>
    public async Task<IReadOnlyList<MailFolderInfo>> GetFoldersToSyncAsync(CancellationToken cancellationToken)
    {
        var skipped = await GetSkippedFolderIdsAsync(cancellationToken);
        var folders = new List<MailFolderInfo>();
        var pending = new Queue<MailFolder>(await ListAsync(null, cancellationToken));
        while (pending.TryDequeue(out var folder))
        {
            if (folder.Id is null || skipped.Contains(folder.Id))
            {
                continue;
            }

            folders.Add(new MailFolderInfo(folder.Id, folder.DisplayName ?? folder.Id, folder.ParentFolderId, folder.TotalItemCount ?? 0));
            if (folder.ChildFolderCount > 0)
            {
                foreach (var child in await ListAsync(folder.Id, cancellationToken))
                {
                    pending.Enqueue(child);
                }
            }
        }

        return folders;
    }

    /// <summary>
    /// Reads one page of a folder's message delta: from the start when <paramref name="link"/> is
    /// null, else from a stored next link or delta link, sent back exactly as Graph gave it.
    /// </summary>
    public async Task<MessagePage> ReadMessagesAsync(string folderId, string? link, CancellationToken cancellationToken)
    {
        var delta = client.Me.MailFolders[folderId].Messages.Delta;
        link = Rebase(link);
        var request = link is null
            ? delta.ToGetRequestInformation(r => r.QueryParameters.Select = MessageSelect)
            : delta.WithUrl(link).ToGetRequestInformation();
        request.Headers.Add("Prefer", $"odata.maxpagesize={options.PageSize}");

        await using var body = await client.RequestAdapter.SendPrimitiveAsync<Stream>(request, ErrorMapping, cancellationToken)
            ?? throw new InvalidDataException($"Graph returned no delta page for folder {folderId}.");
        var page = await JsonSerializer.DeserializeAsync(body, GraphJsonContext.Default.DeltaPageJson, cancellationToken)
            ?? throw new InvalidDataException($"Graph returned an empty delta page for folder {folderId}.");

        var messages = new List<MessageEnvelope>();
        var removed = new List<string>();
        foreach (var message in page.Value ?? [])
        {
            if (message?.Id is null)
            {
                continue;
            }

            if (message.IsRemoved)
            {
                removed.Add(message.Id);
            }
            else
            {
                messages.Add(message.ToEnvelope(folderId));
            }
        }

        return new MessagePage(messages, removed, page.NextLink, page.DeltaLink);
    }

    /// <summary>
    /// Reads one page of the calendar's <c>calendarView/delta</c> over <paramref name="window"/>: from
    /// the start when <paramref name="link"/> is null, else from a stored next link or delta link
    /// (which carry the window; Graph refuses a window beside them).
    /// </summary>
    /// <remarks>
    /// calendarView rather than events: it is v1.0 (events/delta is beta only), and it expands a
    /// recurring series into its occurrences and exceptions, each with its own start, so every
    /// occurrence counts on its own and an exception moved in time is reported as a change. Its cost
    /// is the window: events beyond its end never appear until the window is renewed.
    /// Times are asked for in UTC (<c>Prefer: outlook.timezone</c>).
    /// </remarks>
    public async Task<EventPage> ReadEventsAsync(string? link, CalendarWindow window, CancellationToken cancellationToken)
    {
        var delta = client.Me.CalendarView.Delta;
        link = Rebase(link);
        var request = link is null
            ? delta.ToGetRequestInformation(r =>
            {
                r.QueryParameters.StartDateTime = window.Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                r.QueryParameters.EndDateTime = window.End.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                r.QueryParameters.Select = EventSelect;
            })
            : delta.WithUrl(link).ToGetRequestInformation();
        request.Headers.Add("Prefer", $"odata.maxpagesize={options.PageSize}");
        request.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");

        await using var body = await client.RequestAdapter.SendPrimitiveAsync<Stream>(request, ErrorMapping, cancellationToken)
            ?? throw new InvalidDataException("Graph returned no calendar delta page.");
        var page = await JsonSerializer.DeserializeAsync(body, CalendarJsonContext.Default.CalendarPageJson, cancellationToken)
            ?? throw new InvalidDataException("Graph returned an empty calendar delta page.");

        var events = new List<Reconnect.Core.Meetings.EventEnvelope>();
        var removed = new List<string>();
        foreach (var item in page.Value ?? [])
        {
            if (item?.Id is null)
            {
                continue;
            }

            if (item.IsRemoved)
            {
                removed.Add(item.Id);
            }
            else
            {
                events.Add(item.ToEnvelope());
            }
        }

        return new EventPage(events, removed, page.NextLink, page.DeltaLink);
    }

    /// <summary>
    /// Graph lost the folder's sync state (410 Gone, or <c>syncStateNotFound</c> and its kin): the
    /// stored link is worthless and the folder must be read again from scratch.
    /// </summary>
    public static bool IsSyncStateLost(ODataError error) =>
        error.ResponseStatusCode == 410
        || error.Error?.Code is { } code && (code.Equals("syncStateNotFound", StringComparison.OrdinalIgnoreCase)
            || code.Equals("resyncRequired", StringComparison.OrdinalIgnoreCase)
            || code.Equals("syncStateInvalid", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A stored link sent to the Graph root this client uses now. For Graph itself that is a no-op;
    /// a demo simulator restarted on another port still understands its own tokens.
    /// </summary>
    internal string? Rebase(string? link)
    {
        if (link is null || !Uri.TryCreate(link, UriKind.Absolute, out var stored)
            || !Uri.TryCreate(client.RequestAdapter.BaseUrl, UriKind.Absolute, out var root))
        {
            return link;
        }

        return Uri.Compare(stored, root, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? link
            : root.GetLeftPart(UriPartial.Authority) + stored.PathAndQuery;
    }

    /// <summary>Graph's error bodies, for every status, become the SDK's <see cref="ODataError"/>.</summary>
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    /// <summary>The owner's Outlook contacts, page by page.</summary>
    public async IAsyncEnumerable<ContactCard> ReadContactsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = await client.Me.Contacts.GetAsync(request =>
        {
            request.QueryParameters.Top = 1000;
            request.QueryParameters.Select = ["id", "displayName", "givenName", "surname", "companyName", "emailAddresses"];
        }, cancellationToken);
        while (page is not null)
        {
            foreach (var contact in page.Value ?? [])
            {
                yield return new ContactCard(
                    contact.Id ?? string.Empty,
                    contact.DisplayName,
                    contact.GivenName,
                    contact.Surname,
                    contact.CompanyName,
                    [.. (contact.EmailAddresses ?? []).Select(e => new MailboxAddress(e.Name, e.Address))]);
            }

            page = page.OdataNextLink is { } next
                ? await client.Me.Contacts.WithUrl(next).GetAsync(cancellationToken: cancellationToken)
                : null;
        }
    }

    private async Task<List<MailFolder>> ListAsync(string? parentId, CancellationToken cancellationToken)
    {
        var builder = client.Me.MailFolders;
        var page = parentId is null
            ? await builder.GetAsync(r => r.QueryParameters.Top = 250, cancellationToken)
            : await builder[parentId].ChildFolders.GetAsync(r => r.QueryParameters.Top = 250, cancellationToken);
        var folders = new List<MailFolder>();
        while (page is not null)
        {
            folders.AddRange(page.Value ?? []);
            page = page.OdataNextLink is { } next
                ? await builder.WithUrl(next).GetAsync(cancellationToken: cancellationToken)
                : null;
        }

        return folders;
    }

    private async Task<HashSet<string>> GetSkippedFolderIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in SkippedWellKnownFolders)
        {
            try
            {
                var folder = await client.Me.MailFolders[name].GetAsync(r => r.QueryParameters.Select = ["id"], cancellationToken);
                if (folder?.Id is { } id)
                {
                    ids.Add(id);
                }
            }
            catch (ODataError error) when (error.ResponseStatusCode == 404)
            {
                // A mailbox without that well-known folder simply has nothing to skip.
            }
        }

        return ids;
    }
}
