using System.Text.Json;
using Reconnect.GraphSimulator.Generation;

namespace Reconnect.GraphSimulator.Tests.Generation;

/// <summary>Small helpers that read a fixture folder for assertions.</summary>
internal static class MailboxReader
{
    public static List<JsonElement> Messages(string folder) =>
        [.. CorrespondenceTruth.ReadMessageLines(folder).Select(l => JsonDocument.Parse(l).RootElement)];

    public static List<JsonElement> Lines(string file) => [.. File.ReadLines(file).Select(l => JsonDocument.Parse(l).RootElement)];

    public static JsonElement Json(string file) => JsonDocument.Parse(File.ReadAllText(file)).RootElement;

    public static string? Str(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static string? Address(this JsonElement e, string property) =>
        e.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("emailAddress", out var ea)
            ? ea.Str("address") : null;

    public static IEnumerable<JsonElement> Recipients(this JsonElement m) =>
        ((string[])["toRecipients", "ccRecipients", "bccRecipients"]).SelectMany(n => m.GetProperty(n).EnumerateArray());

    public static string? RecipientAddress(this JsonElement r) => r.GetProperty("emailAddress").Str("address");

    public static List<string[]> Csv(string file) =>
        [.. File.ReadLines(file).Skip(1).Select(SplitCsv)];

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return [.. fields];
    }
}
