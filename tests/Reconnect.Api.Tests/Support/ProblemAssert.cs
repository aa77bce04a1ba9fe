using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Reconnect.Api.Tests.Support;

internal static class ProblemAssert
{
    /// <summary>Asserts a 400 validation problem (problem+json) whose errors name <paramref name="field"/>.</summary>
    public static async Task NamesFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
