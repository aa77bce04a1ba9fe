using System.Text.Encodings.Web;
using System.Text.Json;

namespace Reconnect.GraphSimulator.OData;

/// <summary>
/// Writes a Graph JSON body straight to the response pipe with a Utf8JsonWriter: a 1,000-message
/// page is copied from raw fixture bytes without building any object model.
/// </summary>
internal sealed class GraphJsonResult(int statusCode, Action<Utf8JsonWriter> writeBody) : IResult
{
    // Graph sends non-ASCII text as UTF-8, not as \u escapes.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public static GraphJsonResult Ok(Action<Utf8JsonWriter> writeBody) => new(StatusCodes.Status200OK, writeBody);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = GraphWire.ContentType;
        if (Headers is not null)
        {
            foreach (var (name, value) in Headers)
            {
                response.Headers[name] = value;
            }
        }
        using (var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions))
        {
            writeBody(writer);
            writer.Flush();
        }
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
