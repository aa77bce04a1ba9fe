using System.Buffers;
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
    // Below the large object heap's threshold, so reading a page rents small pooled blocks.
    private const int BlockSize = 64 * 1024;

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
            var body = await ReadBodyAsync(response.Content, cancellationToken);
            if (response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true)
            {
                EnsureCompleteJson(body);
            }

            response.Content = Buffered(response.Content, body);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The whole body in one array of its exact size. Graph sends pages chunked, without a length,
    /// and buffering those in a growing stream allocated about three times a page's size on the
    /// large object heap, then a copy to check it: a page's worth is read here into pooled blocks
    /// and copied once.
    /// </summary>
    private static async Task<byte[]> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        if (content.Headers.ContentLength is { } length and <= int.MaxValue)
        {
            var exact = new byte[length];
            await stream.ReadExactlyAsync(exact, cancellationToken);
            return exact;
        }

        var blocks = new List<byte[]>();
        var total = 0;
        try
        {
            while (true)
            {
                var block = ArrayPool<byte>.Shared.Rent(BlockSize);
                blocks.Add(block);
                var filled = await stream.ReadAtLeastAsync(block.AsMemory(0, BlockSize), BlockSize, throwOnEndOfStream: false, cancellationToken);
                total += filled;
                if (filled < BlockSize)
                {
                    break;
                }
            }

            var body = new byte[total];
            for (var i = 0; i < blocks.Count; i++)
            {
                var offset = i * BlockSize;
                blocks[i].AsSpan(0, Math.Min(BlockSize, total - offset)).CopyTo(body.AsSpan(offset));
            }

            return body;
        }
        finally
        {
            foreach (var block in blocks)
            {
                // Cleared: mail headers do not linger in a pool the whole process shares.
                ArrayPool<byte>.Shared.Return(block, clearArray: true);
            }
        }
    }

    private static ByteArrayContent Buffered(HttpContent original, byte[] body)
    {
        var buffered = new ByteArrayContent(body);
        foreach (var (name, values) in original.Headers)
        {
            // The new content knows its own length.
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                buffered.Headers.TryAddWithoutValidation(name, values);
            }
        }

        original.Dispose();
        return buffered;
    }

    private static void EnsureCompleteJson(byte[] body)
    {
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
