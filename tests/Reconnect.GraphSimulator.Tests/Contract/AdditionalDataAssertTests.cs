using Microsoft.Graph.Models;
using Microsoft.Kiota.Serialization.Json;
using Reconnect.GraphSimulator.Tests.Support;
using Xunit.Sdk;

namespace Reconnect.GraphSimulator.Tests.Contract;

/// <summary>The contract tests are only as good as this check, so it is shown to catch what it must.</summary>
public sealed class AdditionalDataAssertTests
{
    [Fact]
    public void OnlyAnnotations_UnknownNestedProperty_Fails()
    {
        var message = Parse("""{"@odata.type":"#microsoft.graph.message","id":"M1","from":{"emailAddress":{"address":"a@b.c","wellKnownName":"x"}}}""");

        var failure = Assert.Throws<TrueException>(() => AdditionalDataAssert.OnlyAnnotations(message));
        Assert.Contains("wellKnownName", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyAnnotations_EtagAnnotation_IsNotKnownToTheSdk()
    {
        // Why the simulator leaves out @odata.etag, which real Graph sends on delta items.
        var message = Parse("""{"@odata.etag":"W/\"CQAAAB\"","id":"M1"}""");

        Assert.Throws<TrueException>(() => AdditionalDataAssert.OnlyAnnotations(message));
    }

    private static Message Parse(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return new JsonParseNode(document.RootElement).GetObjectValue(Message.CreateFromDiscriminatorValue)!;
    }
}
