using Microsoft.Graph;
using Reconnect.Api.Identity;

namespace Reconnect.Api.Sync;

/// <summary>Hands out a Graph client that reads the given user's mailbox.</summary>
internal interface IGraphClientSource
{
    GraphServiceClient For(UserIdentity user);
}
