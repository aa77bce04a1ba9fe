using Microsoft.Graph.Me.MailFolders.Item.Messages.Delta;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Reconnect.GraphSimulator.Tests.Support;

namespace Reconnect.GraphSimulator.Tests.Contract;

/// <summary>
/// Every kind of response the simulator serves, read by the real Microsoft Graph SDK (6.x, Kiota).
/// </summary>
/// <remarks>
/// AdditionalData must stay empty except for OData annotations the SDK has no property for by design:
/// <list type="bullet">
/// <item><c>@odata.context</c> on a response root: Graph always sends it; Kiota models do not map it.</item>
/// <item><c>@removed</c> on a removed delta item: the SDK's Message has no property for it, and
/// reading it from AdditionalData is how SDK users detect removals.</item>
/// </list>
/// <c>@odata.type</c> maps to Entity.OdataType and <c>@odata.nextLink</c>/<c>@odata.deltaLink</c> to
/// the response's OdataNextLink/OdataDeltaLink. <c>@odata.etag</c>, which Graph sends on items, has
/// no property in the SDK, so the simulator leaves it out.
/// </remarks>
public sealed class GraphSdkContractTests
{
    private const string Context = "@odata.context";
    private const string Removed = "@removed";
    private static readonly string[] EnvelopeFields =
        ["internetMessageId", "parentFolderId", "isDraft", "sentDateTime", "receivedDateTime", "subject", "from", "sender", "toRecipients", "ccRecipients", "bccRecipients", "internetMessageHeaders", "inferenceClassification"];

    [Fact]
    public async Task MeIsReadWithSelectedProperties()
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        var me = await session.Graph.Me.GetAsync(config =>
            config.QueryParameters.Select = ["id", "displayName", "mail", "userPrincipalName", "proxyAddresses"]);

        Assert.NotNull(me);
        Assert.Equal("b6a3c1de-0000-4000-8000-000000000001", me.Id);
        Assert.Equal("Jordan Reyes", me.DisplayName);
        Assert.Equal("jreyes@northwind.example", me.UserPrincipalName);
        Assert.Equal(["SMTP:jordan.reyes@northwind.example", "smtp:jordan@northwind.example"], me.ProxyAddresses!);
        Assert.Equal([Context], me.AdditionalData.Keys);
        AdditionalDataAssert.OnlyAnnotations(me, Context);
    }

    [Fact]
    public async Task TopLevelMailFoldersArePagedWithNextLinks()
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        var page = await session.Graph.Me.MailFolders.GetAsync(config => config.QueryParameters.Top = 4);
        var folders = new List<MailFolder>();
        var pages = 0;
        while (page is not null)
        {
            pages++;
            Assert.Equal([Context], page.AdditionalData.Keys);
            page.Value!.ForEach(folder => AdditionalDataAssert.OnlyAnnotations(folder));
            folders.AddRange(page.Value!);
            page = page.OdataNextLink is { } next ? await session.Graph.Me.MailFolders.WithUrl(next).GetAsync() : null;
        }

        Assert.Equal(2, pages);
        Assert.Equal(["F-inbox", "F-sent", "F-drafts", "F-junk", "F-deleted", "F-archive"], folders.Select(folder => folder.Id));
        var inbox = folders[0];
        Assert.Equal("Inbox", inbox.DisplayName);
        Assert.Equal("F-root", inbox.ParentFolderId);
        Assert.Equal(1, inbox.ChildFolderCount);
        Assert.Equal(12, inbox.TotalItemCount);
        Assert.Equal(0, inbox.UnreadItemCount);
        Assert.False(inbox.IsHidden);
    }

    [Fact]
    public async Task MailFolderIsFoundByWellKnownName()
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        var sent = await session.Graph.Me.MailFolders["SentItems"].GetAsync();
        var root = await session.Graph.Me.MailFolders["msgfolderroot"].GetAsync();

        Assert.Equal("F-sent", sent!.Id);
        Assert.Equal(11, sent.TotalItemCount);
        Assert.Equal([Context], sent.AdditionalData.Keys);
        AdditionalDataAssert.OnlyAnnotations(sent, Context);
        Assert.Equal("F-root", root!.Id);
        Assert.Equal(6, root.ChildFolderCount);
    }

    [Fact]
    public async Task ChildFoldersAreListed()
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        var children = await session.Graph.Me.MailFolders["inbox"].ChildFolders.GetAsync();

        var conferences = Assert.Single(children!.Value!);
        Assert.Equal("F-conf", conferences.Id);
        Assert.Equal("Conferences", conferences.DisplayName);
        Assert.Equal(2, conferences.TotalItemCount);
        Assert.Equal([Context], children.AdditionalData.Keys);
        AdditionalDataAssert.OnlyAnnotations(conferences);
    }

    [Fact]
    public async Task MessagesDeltaPagesThenReportsChangesAndRemovals()
    {
        using var mailbox = TestMailbox.CopyOfSample();
        var replaced = TestMailbox.SampleMessage("M0005");
        replaced["subject"] = "From my personal address (edited)";
        mailbox.WriteChanges(1, replaced, TestMailbox.Removal("M0007"));
        await using var session = await SimulatorSession.StartAsync(mailbox.Path);
        var delta = session.Graph.Me.MailFolders["inbox"].Messages.Delta;

        var first = await delta.GetAsDeltaGetResponseAsync(config =>
        {
            config.QueryParameters.Select = EnvelopeFields;
            config.Headers.Add("Prefer", "odata.maxpagesize=5");
        });
        var messages = new List<Message>(first!.Value!);
        AssertDeltaPage(first);
        Assert.NotNull(first.OdataNextLink);
        Assert.Null(first.OdataDeltaLink);
        Assert.Equal("#microsoft.graph.message", first.Value![0].OdataType);
        Assert.NotNull(first.Value[0].From?.EmailAddress?.Address);

        var page = first;
        while (page.OdataNextLink is { } next)
        {
            page = await delta.WithUrl(next).GetAsDeltaGetResponseAsync(config => config.Headers.Add("Prefer", "odata.maxpagesize=5"));
            AssertDeltaPage(page!);
            messages.AddRange(page!.Value!);
        }
        Assert.Equal(12, messages.Count);
        Assert.NotNull(page.OdataDeltaLink);

        Assert.True(session.Simulator.ApplyNextChanges());
        var changes = await delta.WithUrl(page.OdataDeltaLink!).GetAsDeltaGetResponseAsync();

        Assert.NotNull(changes?.Value);
        AssertDeltaPage(changes);
        Assert.Equal(["M0005", "M0007"], changes.Value.Select(message => message.Id));
        Assert.Equal("From my personal address (edited)", changes.Value[0].Subject);
        Assert.Empty(changes.Value[0].AdditionalData);
        Assert.True(changes.Value[1].AdditionalData.ContainsKey(Removed));
        Assert.NotNull(changes.OdataDeltaLink);
    }

    [Fact]
    public async Task ContactsArePagedWithNextLinks()
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        var page = await session.Graph.Me.Contacts.GetAsync(config =>
        {
            config.QueryParameters.Top = 2;
            config.QueryParameters.Select = ["displayName", "emailAddresses", "companyName"];
        });
        var contacts = new List<Contact>();
        while (page is not null)
        {
            Assert.Equal([Context], page.AdditionalData.Keys);
            page.Value!.ForEach(contact => AdditionalDataAssert.OnlyAnnotations(contact));
            contacts.AddRange(page.Value!);
            page = page.OdataNextLink is { } next ? await session.Graph.Me.Contacts.WithUrl(next).GetAsync() : null;
        }

        Assert.Equal(["C1", "C2", "C3"], contacts.Select(contact => contact.Id));
        Assert.Equal(["crystal.cory@fabrikam.example", "ccory@personal.example"], contacts[0].EmailAddresses!.Select(address => address.Address));
        Assert.Equal("Fabrikam", contacts[0].CompanyName);
        Assert.Null(contacts[0].JobTitle); // not selected, so not sent
    }

    [Fact]
    public async Task UnknownFolderIsAnODataError()
    {
        await using var session = await SimulatorSession.StartSampleAsync();

        var error = await Assert.ThrowsAsync<ODataError>(() => session.Graph.Me.MailFolders["no-such-folder"].GetAsync());

        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("ErrorItemNotFound", error.Error!.Code);
        Assert.False(string.IsNullOrEmpty(error.Error.Message));
        Assert.NotNull(error.Error.InnerError?.RequestId);
        Assert.NotNull(error.Error.InnerError?.Date);
        AdditionalDataAssert.OnlyAnnotations(error.Error);
    }

    private static void AssertDeltaPage(DeltaGetResponse page)
    {
        Assert.Equal([Context], page.AdditionalData.Keys);
        foreach (var message in page.Value!)
        {
            if (message.AdditionalData.ContainsKey(Removed))
            {
                AdditionalDataAssert.OnlyAnnotations(message, Removed);
            }
            else
            {
                AdditionalDataAssert.OnlyAnnotations(message);
            }
        }
    }
}
