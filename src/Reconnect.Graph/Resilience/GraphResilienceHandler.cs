using System.Text.Json;

namespace Reconnect.Graph.Resilience;

/// <summary>
/// Runs every Graph request through a mailbox's resilience pipeline. It stands where the SDK's
/// RetryHandler stood in the handler chain, so redirects, telemetry and decompression run once per
/// attempt and no second retry policy exists.
/// </summary>
/// <remarks>
/// A successful JSON body is read in full and checked inside the attempt: a connection reset or a
/// body cut short then fails the attempt (and is retried) instead of surfacing later as a parse
/// error in the SDK, where no policy could see it. Graph pages are at most a few MB.
/// </remarks>
internal sealed class GraphResilienceHandler(GraphResilience resilience) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // While Graph throttles the mailbox, a new request waits before it starts (outside its
        // attempt timeout); a retried one waits in the retry's delay.
        await resilience.Gate.WaitAsync(cancellationToken);
        return await resilience.Pipeline.ExecuteAsync(
            static async (state, token) => await state.Handler.SendAttemptAsync(state.Request, token),
            (Handler: this, Request: request),
            cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode || response.Content is null)
        {
            return response;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            if (response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true)
            {
                await EnsureCompleteJsonAsync(response.Content, cancellationToken);
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task EnsureCompleteJsonAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var body = await content.ReadAsByteArrayAsync(cancellationToken);
        if (body.Length == 0)
        {
            return;
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException exception)
        {
            throw new GraphResponseIncompleteException($"Graph's response body ended after {body.Length} bytes, before its JSON did.", exception);
        }
    }
}

/// <summary>A 2xx Graph response whose body was cut short: transient, so retried.</summary>
public sealed class GraphResponseIncompleteException(string message, Exception? inner = null) : IOException(message, inner);
