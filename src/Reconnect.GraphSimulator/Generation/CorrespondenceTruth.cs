using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Reconnect.GraphSimulator.Generation;

/// <summary>One row of <c>expected-correspondents.csv</c>.</summary>
public sealed record CorrespondentRow(
    string Address,
    int SentCount,
    int ReceivedCount,
    DateTimeOffset? LastSent,
    DateTimeOffset? LastReceived,
    bool Automated);

/// <summary>
/// Computes the expected correspondence table of a fixture folder (fixture-format.md) by reading the
/// files as written, independently of the generator's plan and of Reconnect.Core, so that it can also
/// check itself against the hand-made sample mailbox.
/// </summary>
/// <remarks>
/// The rules (design.md "Correspondence rules", sample-mailbox/README.md), exactly:
/// <list type="bullet">
/// <item>Addresses are normalized: trimmed, double quotes and angle brackets removed, a leading
/// <c>mailto:</c> removed (case-insensitive), trimmed again, lower-cased (invariant).</item>
/// <item>A usable SMTP address has one '@' with text on both sides, no whitespace, and is not an
/// Exchange legacy address (<c>/o=...</c>, <c>IMCEAEX-...</c>, <c>IMCEANOTES-...</c>).</item>
/// <item>The user's addresses: <c>mail</c>, <c>userPrincipalName</c> and the <c>smtp:</c> entries of
/// <c>proxyAddresses</c> (other prefixes such as X500: and SIP: are ignored).</item>
/// <item>A message counts when <c>isDraft</c> is not true and its folder is neither Junk Email nor
/// Outbox nor below them (wellKnownName <c>junkemail</c>/<c>outbox</c>). Each internetMessageId counts
/// once however many counted copies exist (the copy with the ordinally smallest id is read).</item>
/// <item>Sent: From is a user address. Each distinct usable To/Cc/Bcc address that is not the user's
/// counts one sent message; last_sent = max sentDateTime.</item>
/// <item>Received: any other counted message whose From is usable counts one for that address;
/// last_received = max receivedDateTime. A missing/null/unusable From counts nothing.</item>
/// <item>Automated: the address has received messages and (a) some counted message from it carries
/// List-Unsubscribe, List-Id, Precedence bulk/list/junk, or Auto-Submitted other than "no"; or (b) its
/// local part, with '.', '-' and '_' removed, is noreply*, donotreply*, mailerdaemon, postmaster,
/// notification(s) or bounce(s), and the user never wrote to it (sent_count is 0).</item>
/// </list>
/// </remarks>
public static class CorrespondenceTruth
{
    /// <summary>Reads <paramref name="fixtureFolder"/> and returns the table, ordered by address (ordinal).</summary>
    /// <param name="fixtureFolder">A folder with user.json, folders.json and messages.jsonl(.gz).</param>
    /// <param name="applyChanges">Apply <c>changes/*.jsonl</c> in name order first.</param>
    public static IReadOnlyList<CorrespondentRow> Compute(string fixtureFolder, bool applyChanges = false)
    {
        var (initial, after) = ComputeBoth(fixtureFolder);
        return applyChanges ? after : initial;
    }

    /// <summary>The table of the initial mailbox and the table after <c>changes/*.jsonl</c> (applied in
    /// name order), reading the messages once.</summary>
    public static (IReadOnlyList<CorrespondentRow> Initial, IReadOnlyList<CorrespondentRow> AfterChanges) ComputeBoth(string fixtureFolder)
    {
        var userAddresses = ReadUserAddresses(Path.Combine(fixtureFolder, "user.json"));
        var excludedFolders = ReadExcludedFolders(Path.Combine(fixtureFolder, "folders.json"));
        var interner = new Dictionary<string, string>(StringComparer.Ordinal);
        var state = new Dictionary<string, Contribution>(StringComparer.Ordinal);

        foreach (var line in ReadMessageLines(fixtureFolder))
        {
            Apply(state, line, userAddresses, excludedFolders, interner);
        }
        var initial = Tabulate(state);
        var changes = Path.Combine(fixtureFolder, "changes");
        var files = Directory.Exists(changes)
            ? Directory.GetFiles(changes, "*.jsonl").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
        {
            return (initial, initial);
        }
        foreach (var line in files.SelectMany(File.ReadLines))
        {
            Apply(state, line, userAddresses, excludedFolders, interner);
        }
        return (initial, Tabulate(state));
    }

    /// <summary>Writes the table in the sample's CSV format.</summary>
    public static void WriteCsv(IEnumerable<CorrespondentRow> rows, TextWriter writer)
    {
        writer.Write("address,sent_count,received_count,last_sent,last_received,automated\n");
        foreach (var row in rows)
        {
            writer.Write(Csv.Escape(row.Address));
            writer.Write(',');
            writer.Write(row.SentCount.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(row.ReceivedCount.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(FormatDate(row.LastSent));
            writer.Write(',');
            writer.Write(FormatDate(row.LastReceived));
            writer.Write(',');
            writer.Write(row.Automated ? "true" : "false");
            writer.Write('\n');
        }
    }

    public static string FormatDate(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    /// <summary>Normalizes an address for comparison; null when nothing is left.</summary>
    public static string? Normalize(string? raw)
    {
        if (raw is null)
        {
            return null;
        }
        var s = raw.Trim();
        // Strip wrappers until nothing changes, so "<mailto:x>" and "mailto:<x>" both end as x.
        string previous;
        do
        {
            previous = s;
            s = s.Replace("\"", "", StringComparison.Ordinal)
                 .Replace("<", "", StringComparison.Ordinal)
                 .Replace(">", "", StringComparison.Ordinal)
                 .Trim();
            if (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            {
                s = s["mailto:".Length..].Trim();
            }
        }
        while (s != previous);
        return s.Length == 0 ? null : s.ToLowerInvariant();
    }

    /// <summary>True for a normalized address that is a real SMTP address.</summary>
    public static bool IsUsableSmtp(string? normalized)
    {
        if (string.IsNullOrEmpty(normalized))
        {
            return false;
        }
        if (normalized.StartsWith("/o=", StringComparison.Ordinal)
            || normalized.StartsWith("imceaex-", StringComparison.Ordinal)
            || normalized.StartsWith("imceanotes-", StringComparison.Ordinal))
        {
            return false;
        }
        var at = normalized.IndexOf('@');
        if (at <= 0 || at == normalized.Length - 1 || normalized.IndexOf('@', at + 1) >= 0)
        {
            return false;
        }
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The no-reply rule on a normalized address's local part.</summary>
    public static bool HasNoReplyLocalPart(string normalized)
    {
        var at = normalized.IndexOf('@');
        var local = (at < 0 ? normalized : normalized[..at]).Replace(".", "", StringComparison.Ordinal)
            .Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return local.StartsWith("noreply", StringComparison.Ordinal)
            || local.StartsWith("donotreply", StringComparison.Ordinal)
            || local is "mailerdaemon" or "postmaster" or "notification" or "notifications" or "bounce" or "bounces";
    }

    internal static IEnumerable<string> ReadMessageLines(string fixtureFolder)
    {
        var plain = Path.Combine(fixtureFolder, "messages.jsonl");
        if (File.Exists(plain))
        {
            foreach (var line in File.ReadLines(plain))
            {
                yield return line;
            }
            yield break;
        }
        using var file = File.OpenRead(Path.Combine(fixtureFolder, "messages.jsonl.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static HashSet<string> ReadUserAddresses(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        var result = new HashSet<string>(StringComparer.Ordinal);
        void Add(string? raw)
        {
            if (Normalize(raw) is { } n)
            {
                result.Add(n);
            }
        }
        Add(GetString(root, "mail"));
        Add(GetString(root, "userPrincipalName"));
        if (root.TryGetProperty("proxyAddresses", out var proxies) && proxies.ValueKind == JsonValueKind.Array)
        {
            foreach (var p in proxies.EnumerateArray())
            {
                var s = p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                if (s is not null && s.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase))
                {
                    Add(s["smtp:".Length..]);
                }
            }
        }
        return result;
    }

    private static HashSet<string> ReadExcludedFolders(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        var roots = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in doc.RootElement.EnumerateArray())
        {
            var id = GetString(f, "id") ?? "";
            parents[id] = GetString(f, "parentFolderId");
            var wellKnown = GetString(f, "wellKnownName");
            if (wellKnown is "junkemail" or "outbox")
            {
                roots.Add(id);
            }
        }
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in parents.Keys)
        {
            // Walk up; the depth guard survives a (malformed) cycle.
            string? current = id;
            for (var depth = 0; current is not null && depth < 64; depth++)
            {
                if (roots.Contains(current))
                {
                    excluded.Add(id);
                    break;
                }
                current = parents.GetValueOrDefault(current);
            }
        }
        return excluded;
    }

    private sealed class Contribution
    {
        public required string Id;
        public required string MessageKey;
        public bool Counted;
        public bool SentByUser;
        public string? From;
        public string[] Recipients = [];
        public DateTimeOffset? Sent;
        public DateTimeOffset? Received;
        public bool Bulk;
    }

    private static void Apply(Dictionary<string, Contribution> state, string line, HashSet<string> user,
        HashSet<string> excludedFolders, Dictionary<string, string> interner)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }
        using var doc = JsonDocument.Parse(line);
        var m = doc.RootElement;
        var id = GetString(m, "id") ?? throw new InvalidDataException("A message line without id.");
        if (m.TryGetProperty("@removed", out _))
        {
            state.Remove(id);
            return;
        }
        var folder = GetString(m, "parentFolderId") ?? "";
        var isDraft = m.TryGetProperty("isDraft", out var d) && d.ValueKind == JsonValueKind.True;
        var c = new Contribution
        {
            Id = id,
            MessageKey = GetString(m, "internetMessageId") is { Length: > 0 } imid ? "m:" + imid : "id:" + id,
            Counted = !isDraft && !excludedFolders.Contains(folder),
        };
        var from = Normalize(GetEmailAddress(m, "from"));
        if (from is not null && user.Contains(from))
        {
            c.SentByUser = true;
            c.Sent = GetDate(m, "sentDateTime");
            var recipients = new List<string>();
            foreach (var list in (string[])["toRecipients", "ccRecipients", "bccRecipients"])
            {
                if (!m.TryGetProperty(list, out var arr) || arr.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }
                foreach (var r in arr.EnumerateArray())
                {
                    var a = Normalize(GetEmailAddress(r, null));
                    if (IsUsableSmtp(a) && !user.Contains(a!) && !recipients.Contains(a!))
                    {
                        recipients.Add(Intern(interner, a!));
                    }
                }
            }
            c.Recipients = [.. recipients];
        }
        else if (IsUsableSmtp(from))
        {
            c.From = Intern(interner, from!);
            c.Received = GetDate(m, "receivedDateTime");
            c.Bulk = HasBulkHeaders(m);
        }
        state[id] = c;
    }

    private static string Intern(Dictionary<string, string> interner, string s)
    {
        if (interner.TryGetValue(s, out var existing))
        {
            return existing;
        }
        interner[s] = s;
        return s;
    }

    private static bool HasBulkHeaders(JsonElement m)
    {
        if (!m.TryGetProperty("internetMessageHeaders", out var headers) || headers.ValueKind != JsonValueKind.Array)
        {
            return false;
        }
        foreach (var h in headers.EnumerateArray())
        {
            var name = GetString(h, "name")?.Trim() ?? "";
            var value = GetString(h, "value")?.Trim() ?? "";
            if (name.Equals("List-Unsubscribe", StringComparison.OrdinalIgnoreCase)
                || name.Equals("List-Id", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            if (name.Equals("Precedence", StringComparison.OrdinalIgnoreCase)
                && (value.Equals("bulk", StringComparison.OrdinalIgnoreCase)
                    || value.Equals("list", StringComparison.OrdinalIgnoreCase)
                    || value.Equals("junk", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
            if (name.Equals("Auto-Submitted", StringComparison.OrdinalIgnoreCase)
                && !value.Equals("no", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private sealed class Row
    {
        public int Sent, Received;
        public DateTimeOffset? LastSent, LastReceived;
        public bool Bulk;
    }

    private static List<CorrespondentRow> Tabulate(Dictionary<string, Contribution> state)
    {
        // One counted copy per internetMessageId: the ordinally smallest id, so the choice does not
        // depend on file order.
        var chosen = new Dictionary<string, Contribution>(StringComparer.Ordinal);
        foreach (var c in state.Values)
        {
            if (!c.Counted)
            {
                continue;
            }
            if (!chosen.TryGetValue(c.MessageKey, out var existing) || string.CompareOrdinal(c.Id, existing.Id) < 0)
            {
                chosen[c.MessageKey] = c;
            }
        }
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        Row RowOf(string a)
        {
            if (!rows.TryGetValue(a, out var r))
            {
                rows[a] = r = new Row();
            }
            return r;
        }
        foreach (var c in chosen.Values)
        {
            if (c.SentByUser)
            {
                foreach (var a in c.Recipients)
                {
                    var r = RowOf(a);
                    r.Sent++;
                    r.LastSent = Max(r.LastSent, c.Sent);
                }
            }
            else if (c.From is not null)
            {
                var r = RowOf(c.From);
                r.Received++;
                r.LastReceived = Max(r.LastReceived, c.Received);
                r.Bulk |= c.Bulk;
            }
        }
        return rows
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new CorrespondentRow(kv.Key, kv.Value.Sent, kv.Value.Received, kv.Value.LastSent, kv.Value.LastReceived,
                kv.Value.Received > 0 && (kv.Value.Bulk || (kv.Value.Sent == 0 && HasNoReplyLocalPart(kv.Key)))))
            .ToList();
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : (a.Value >= b.Value ? a : b);

    private static string? GetString(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? GetEmailAddress(JsonElement e, string? property)
    {
        var holder = e;
        if (property is not null && (!e.TryGetProperty(property, out holder) || holder.ValueKind != JsonValueKind.Object))
        {
            return null;
        }
        return holder.TryGetProperty("emailAddress", out var ea) ? GetString(ea, "address") : null;
    }

    private static DateTimeOffset? GetDate(JsonElement e, string name) =>
        GetString(e, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var v)
            ? v.ToUniversalTime()
            : null;
}

internal static class Csv
{
    public static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
