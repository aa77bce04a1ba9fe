using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Reconnect.Api.Correspondents;
using Reconnect.Api.Demo;
using Reconnect.Api.Identity;
using Reconnect.Api.Sync;
using Reconnect.Api.Tests.Support;
using Reconnect.Graph;
using Reconnect.Graph.Resilience;

namespace Reconnect.Api.Tests.Resilience;

/// <summary>
/// The bad-data fixture holds every kind of bad data of issue 7 point 5; the sync must complete,
/// report the expected skips, and index exactly the known table.
/// </summary>
public sealed class BadDataTests
{
    private static string BadData => Path.Combine(AppContext.BaseDirectory, "fixtures", "bad-data-mailbox");

    [Fact]
    public async Task EveryKindOfBadDataSyncsToCompletionWithTheExpectedSkips()
    {
        await using var app = new ReconnectApplication(BadData, services: services =>
            services.AddSingleton<IGraphClientSource, QuirkyGraphClientSource>());
        var client = app.CreateClient();

        var status = await app.SyncAsync(client);

        Assert.True(status.State == "completed", status.ToString());
        Assert.Null(status.Error);
        Assert.Equal(14, status.MessagesProcessed);
        Assert.Equal(7, status.ItemsSkipped);
        CorrespondenceTable.AssertEqual(CorrespondenceTable.Load(Path.Combine(BadData, "expected-correspondents.csv")), await IndexReader.ReadAllAsync(client));

        var named = await client.GetFromJsonAsync<CorrespondentPage>("/api/correspondents?take=10");
        var carol = named!.Items.Single(i => i.Address == "carol@contoso.example");
        var dan = named.Items.Single(i => i.Address == "dan@contoso.example");
        Assert.InRange(carol.DisplayName!.Length, 1, 200);
        Assert.DoesNotContain(dan.DisplayName!, char.IsControl);
        Assert.StartsWith("Dan", dan.DisplayName);
    }

    /// <summary>Graph for the demo user with <see cref="GraphQuirksHandler"/> as its last hop.</summary>
    private sealed class QuirkyGraphClientSource(DemoMailboxHost host, GraphResiliencePipelines resilience) : IGraphClientSource
    {
        public GraphServiceClient For(UserIdentity user) => GraphClients.Create(
            host.BaseUrl,
            new AnonymousAuthenticationProvider(),
            new GraphQuirksHandler { InnerHandler = new SocketsHttpHandler() },
            resilience.For(user.MailboxKey()));
    }

    /// <summary>
    /// What a fixture cannot say (its ids are unique and its folders known) but Graph does: in
    /// delta pages, a message whose id ends in "-twice" comes twice, and one whose id ends in
    /// "-elsewhere" names a folder that does not exist.
    /// </summary>
    private sealed class GraphQuirksHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode || request.RequestUri?.AbsolutePath.Contains("/messages/delta", StringComparison.Ordinal) != true)
            {
                return response;
            }

            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
            var items = page["value"]!.AsArray();
            foreach (var item in items.ToList())
            {
                var id = item!["id"]!.GetValue<string>();
                if (id.EndsWith("-twice", StringComparison.Ordinal))
                {
                    items.Add(item.DeepClone());
                }
                else if (id.EndsWith("-elsewhere", StringComparison.Ordinal))
                {
                    item["parentFolderId"] = "AAMkUnknownFolder";
                }
            }

            response.Content = new StringContent(page.ToJsonString(), Encoding.UTF8, "application/json");
            return response;
        }
    }
}
