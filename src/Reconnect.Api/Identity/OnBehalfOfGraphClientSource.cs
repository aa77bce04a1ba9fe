using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Reconnect.Api.Sync;
using Reconnect.Graph;
using Reconnect.Graph.Resilience;

namespace Reconnect.Api.Identity;

/// <summary>Graph clients that read a user's mailbox with their on-behalf-of tokens.</summary>
internal sealed class OnBehalfOfGraphClientSource(IGraphSessions sessions, IOptions<GraphReaderOptions> options, GraphResiliencePipelines resilience) : IGraphClientSource
{
    public GraphServiceClient For(UserIdentity user)
    {
        var baseUrl = options.Value.BaseUrl;
        return GraphClients.Create(baseUrl, DelegatedTokenProvider.Authentication(baseUrl, (claims, cancellationToken) =>
            sessions.GetTokenAsync(user, claims, cancellationToken)), resilience: resilience.For(user.MailboxKey()));
    }
}
