using System.Globalization;

namespace Reconnect.Api.Tests.Support;

/// <summary>One row of a fixture's expected-correspondents.csv.</summary>
public sealed record CorrespondenceRow(string Address, int SentCount, int ReceivedCount, DateTime? LastSent, DateTime? LastReceived, bool? Automated)
{
    public override string ToString() =>
        $"{Address},{SentCount},{ReceivedCount},{Format(LastSent)},{Format(LastReceived)}{(Automated is { } a ? "," + (a ? "true" : "false") : "")}";

    private static string Format(DateTime? date) => date?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>Reads the known answer of a fixture and compares an index against it, row by row.</summary>
public static class CorrespondenceTable
{
    public static IReadOnlyList<CorrespondenceRow> Load(string csvPath)
    {
        var lines = File.ReadAllLines(csvPath).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        return [.. lines.Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            return new CorrespondenceRow(
                cells[Column("address")],
                int.Parse(cells[Column("sent_count")], CultureInfo.InvariantCulture),
                int.Parse(cells[Column("received_count")], CultureInfo.InvariantCulture),
                ParseDate(cells[Column("last_sent")]),
                ParseDate(cells[Column("last_received")]),
                Column("automated") is >= 0 and var a ? bool.Parse(cells[a]) : null);
        })];
    }

    /// <summary>
    /// Asserts that <paramref name="actual"/> holds exactly the expected rows (dates to the second),
    /// listing every difference so a failure reads like a diff.
    /// </summary>
    public static void AssertEqual(IReadOnlyList<CorrespondenceRow> expected, IReadOnlyList<CorrespondenceRow> actual, bool compareAutomated = true)
    {
        static CorrespondenceRow Normalize(CorrespondenceRow row, bool automated) => row with
        {
            LastSent = Truncate(row.LastSent),
            LastReceived = Truncate(row.LastReceived),
            Automated = automated ? row.Automated : null,
        };

        var want = expected.Select(r => Normalize(r, compareAutomated && r.Automated is not null)).ToDictionary(r => r.Address, StringComparer.Ordinal);
        var got = actual.Select(r => Normalize(r, compareAutomated && expected.FirstOrDefault()?.Automated is not null)).ToDictionary(r => r.Address, StringComparer.Ordinal);
        var differences = new List<string>();
        foreach (var (address, row) in want)
        {
            if (!got.TryGetValue(address, out var other))
            {
                differences.Add($"missing  {row}");
            }
            else if (other != row)
            {
                differences.Add($"expected {row}\n  actual   {other}");
            }
        }

        differences.AddRange(got.Keys.Where(a => !want.ContainsKey(a)).Select(a => $"extra    {got[a]}"));
        Assert.True(differences.Count == 0, $"{differences.Count} of {want.Count} rows differ:\n  " + string.Join("\n  ", differences.Take(40)));
    }

    private static DateTime? ParseDate(string cell) =>
        cell.Length == 0 ? null : DateTime.Parse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static DateTime? Truncate(DateTime? date) =>
        date is { } d ? new DateTime(d.Ticks - d.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc) : null;
}
