using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Reconnect.Api.Identity;
using Reconnect.Api.Sync;
using Reconnect.Graph;
using Reconnect.Graph.Resilience;

namespace Reconnect.Api.Demo;

/// <summary>The demo user's Graph is the in-process simulator, which needs no token.</summary>
internal sealed class DemoGraphClientSource(DemoMailboxHost host, GraphResiliencePipelines resilience) : IGraphClientSource
{
    // By key, not by record equality: a sync resumed at start-up knows the user by tid + oid and the
    // mailbox's display name, not by the demo sign-in's name.
    public GraphServiceClient For(UserIdentity user) =>
        user.TenantId == DemoAuthentication.User.TenantId && user.ObjectId == DemoAuthentication.User.ObjectId
            ? GraphClients.Create(host.BaseUrl, new AnonymousAuthenticationProvider(), resilience: resilience.For(user.MailboxKey()))
            : throw new InvalidOperationException("Only the demo user can read the demo mailbox.");
}
