using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Reconnect.GraphSimulator.Generation;

namespace Reconnect.GraphSimulator.Tests.Generation;

public sealed class MailboxGeneratorTests(GeneratedMailboxFixture mailbox) : IClassFixture<GeneratedMailboxFixture>
{
    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "reconnect-gen-" + Guid.NewGuid().ToString("N"));

    private static Dictionary<string, byte[]> ReadAll(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Generate_SameOptions_ByteIdenticalFiles(bool gzip)
    {
        var (a, b) = (NewFolder(), NewFolder());
        try
        {
            MailboxGenerator.Generate(new GeneratorOptions { MessageCount = 3000, Seed = 7, Gzip = gzip }, a);
            MailboxGenerator.Generate(new GeneratorOptions { MessageCount = 3000, Seed = 7, Gzip = gzip }, b);

            var (filesA, filesB) = (ReadAll(a), ReadAll(b));
            Assert.Equal(filesA.Keys.Order(), filesB.Keys.Order());
            Assert.Contains(gzip ? "messages.jsonl.gz" : "messages.jsonl", filesA.Keys);
            foreach (var (name, bytes) in filesA)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(filesB[name]), $"{name} differs");
            }
        }
        finally
        {
            Directory.Delete(a, true);
            Directory.Delete(b, true);
        }
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentMailbox()
    {
        var (a, b) = (NewFolder(), NewFolder());
        try
        {
            MailboxGenerator.Generate(new GeneratorOptions { MessageCount = 1000, Seed = 1 }, a);
            MailboxGenerator.Generate(new GeneratorOptions { MessageCount = 1000, Seed = 2 }, b);

            Assert.NotEqual(File.ReadAllText(Path.Combine(a, "messages.jsonl")), File.ReadAllText(Path.Combine(b, "messages.jsonl")));
            Assert.NotEqual(File.ReadAllText(Path.Combine(a, "expected-correspondents.csv")), File.ReadAllText(Path.Combine(b, "expected-correspondents.csv")));
        }
        finally
        {
            Directory.Delete(a, true);
            Directory.Delete(b, true);
        }
    }

    [Theory]
    [InlineData(250, 0)]
    [InlineData(300, 1)]
    [InlineData(2_345, 2)]
    [InlineData(7_777, 5)]
    public void Generate_Sizes_AreHonoured(int count, int batches)
    {
        var folder = NewFolder();
        try
        {
            var result = MailboxGenerator.Generate(new GeneratorOptions { MessageCount = count, Seed = count, ChangeBatches = batches }, folder);

            Assert.Equal(count, File.ReadLines(Path.Combine(folder, "messages.jsonl")).Count());
            Assert.Equal(count, result.MessageLines);
            var changeFiles = batches == 0 ? [] : Directory.GetFiles(Path.Combine(folder, "changes"));
            Assert.Equal(batches, changeFiles.Length);
            Assert.All(changeFiles, f => Assert.True(File.ReadLines(f).Count() >= Math.Max(12, (int)(0.01 * count)) - 1));
            // Every planted kind of person exists even in the smallest mailbox.
            Assert.True(result.PeopleByKind.Count >= 14, string.Join(",", result.PeopleByKind.Keys));
            Assert.True(result.StaleFriends >= 3);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Generate_TooFewMessages_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MailboxGenerator.Generate(new GeneratorOptions { MessageCount = 100 }, NewFolder()));
    }

    [Fact]
    public void Messages_EveryLine_ParsesWithRequiredProperties()
    {
        var folders = MailboxReader.Json(Path.Combine(mailbox.Folder, "folders.json")).EnumerateArray().Select(f => f.Str("id")!).ToHashSet();
        var messages = MailboxReader.Messages(mailbox.Folder);
        Assert.Equal(GeneratedMailboxFixture.MessageCount, messages.Count);
        Assert.Equal(messages.Count, messages.Select(m => m.Str("id")).Distinct().Count());
        foreach (var m in messages)
        {
            Assert.False(string.IsNullOrEmpty(m.Str("internetMessageId")));
            Assert.Contains(m.Str("parentFolderId")!, folders);
            Assert.True(m.GetProperty("isDraft").ValueKind is JsonValueKind.True or JsonValueKind.False);
            foreach (var date in (string[])["sentDateTime", "receivedDateTime"])
            {
                var s = m.Str(date)!;
                Assert.EndsWith("Z", s);
                Assert.True(DateTimeOffset.TryParseExact(s, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _), s);
            }
            Assert.True(m.TryGetProperty("subject", out var subject) && subject.ValueKind is JsonValueKind.String or JsonValueKind.Null);
            foreach (var list in (string[])["toRecipients", "ccRecipients", "bccRecipients"])
            {
                Assert.Equal(JsonValueKind.Array, m.GetProperty(list).ValueKind);
            }
            Assert.Contains(m.Str("inferenceClassification"), (string[])["focused", "other"]);
        }
    }

    [Fact]
    public void Folders_Tree_IsConsistent()
    {
        var folders = MailboxReader.Json(Path.Combine(mailbox.Folder, "folders.json")).EnumerateArray().ToList();
        var root = Assert.Single(folders, f => f.GetProperty("parentFolderId").ValueKind == JsonValueKind.Null);
        Assert.Equal("Top of Information Store", root.Str("displayName"));
        foreach (var f in folders)
        {
            Assert.Equal(folders.Count(c => c.Str("parentFolderId") == f.Str("id")), f.GetProperty("childFolderCount").GetInt32());
        }
        var wellKnown = folders.Select(f => f.Str("wellKnownName")).Where(n => n is not null).ToHashSet();
        Assert.Superset(new HashSet<string?> { "inbox", "sentitems", "drafts", "junkemail", "outbox", "deleteditems", "archive" }, wellKnown);
        // Inbox has a grandchild (Inbox/Projects/Apollo).
        var byId = folders.ToDictionary(f => f.Str("id")!);
        var inbox = folders.Single(f => f.Str("wellKnownName") == "inbox").Str("id");
        Assert.Contains(folders, f => f.Str("parentFolderId") is { } p && byId[p].Str("parentFolderId") == inbox);
        Assert.True(folders.Count(f => f.Str("wellKnownName") is null) >= 4);
    }

    [Fact]
    public void UserAndContacts_HaveGraphShape()
    {
        var user = MailboxReader.Json(Path.Combine(mailbox.Folder, "user.json"));
        Assert.NotEqual(user.Str("mail"), user.Str("userPrincipalName"));
        Assert.Contains(user.GetProperty("proxyAddresses").EnumerateArray(), p => p.GetString()!.StartsWith("smtp:", StringComparison.Ordinal));

        var contacts = MailboxReader.Json(Path.Combine(mailbox.Folder, "contacts.json")).EnumerateArray().ToList();
        Assert.All(contacts, c =>
        {
            foreach (var p in (string[])["id", "displayName", "givenName", "surname", "companyName", "jobTitle"])
            {
                Assert.NotNull(c.Str(p));
            }
        });
        Assert.Contains(contacts, c => c.GetProperty("emailAddresses").GetArrayLength() == 2);
        Assert.Contains(contacts, c => c.GetProperty("emailAddresses").GetArrayLength() == 0);
    }

    [Fact]
    public void Mailbox_HoldsThePlantedMess()
    {
        var messages = MailboxReader.Messages(mailbox.Folder);
        var folders = MailboxReader.Json(Path.Combine(mailbox.Folder, "folders.json")).EnumerateArray()
            .ToDictionary(f => f.Str("id")!, f => f.Str("wellKnownName") ?? f.Str("displayName")!);
        string FolderOf(JsonElement m) => folders[m.Str("parentFolderId")!];
        var addresses = messages.SelectMany(m => m.Recipients().Select(r => r.RecipientAddress()).Append(m.Address("from"))).ToList();

        var copies = messages.GroupBy(m => m.Str("internetMessageId")).Where(g => g.Count() > 1).ToList();
        Assert.True(copies.Count > GeneratedMailboxFixture.MessageCount / 50);
        Assert.Contains(copies, g => g.Select(FolderOf).Distinct().Count() > 1 && g.Any(m => FolderOf(m) == "sentitems"));
        Assert.Contains(messages, m => m.GetProperty("isDraft").GetBoolean() && FolderOf(m) == "drafts");
        Assert.Contains(messages, m => m.GetProperty("isDraft").GetBoolean() && FolderOf(m) != "drafts");
        Assert.Contains(messages, m => FolderOf(m) == "junkemail");
        Assert.Contains(messages, m => FolderOf(m) == "Suspicious");
        Assert.Contains(messages, m => FolderOf(m) == "outbox");
        Assert.Contains(messages, m => FolderOf(m) == "deleteditems");
        Assert.Contains(addresses, a => a?.StartsWith("/o=ExchangeLabs/", StringComparison.Ordinal) == true);
        Assert.Contains(addresses, a => a?.StartsWith("IMCEAEX-", StringComparison.Ordinal) == true);
        Assert.Contains(addresses, a => a?.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Contains(addresses, a => a?.Trim().StartsWith('<') == true);
        Assert.Contains(addresses, a => a?.StartsWith('"') == true);
        Assert.Contains(addresses, a => a is not null && a != a.Trim());
        Assert.Contains(addresses, a => a is not null && a.Any(char.IsUpper) && !a.StartsWith('/') && !a.StartsWith("IMCEA", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Recipients().Any(r => r.RecipientAddress() is null or ""));
        Assert.Contains(messages, m => !m.TryGetProperty("from", out _));
        Assert.Contains(messages, m => m.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.Null);
        Assert.Contains(messages, m => !m.Recipients().Any());
        Assert.Contains(messages, m => m.GetProperty("subject").ValueKind == JsonValueKind.Null);
        Assert.Contains(messages, m => m.Str("subject")?.StartsWith("RE: ", StringComparison.Ordinal) == true);
        Assert.Contains(messages, m => m.Str("subject")?.StartsWith("FW: ", StringComparison.Ordinal) == true);
        Assert.Contains(messages, m => m.GetProperty("ccRecipients").GetArrayLength() >= 100);
        Assert.Contains(messages, m => m.GetProperty("from").GetProperty("emailAddress").Str("name")?.Contains(", ", StringComparison.Ordinal) == true);
        Assert.Contains(messages, m => m.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.Object
            && f.GetProperty("emailAddress").Str("name")?.EndsWith(')') == true);
        Assert.Contains(messages, m => m.Str("sentDateTime")!.CompareTo("1980") < 0 && FolderOf(m) == "junkemail");
        Assert.Contains(messages, m => m.Str("sentDateTime")!.CompareTo("2090") > 0);
        Assert.Contains(messages, m => m.Str("inferenceClassification") == "other");
        foreach (var header in (string[])["List-Unsubscribe", "List-Id", "Precedence", "Auto-Submitted"])
        {
            Assert.Contains(messages, m => m.TryGetProperty("internetMessageHeaders", out var h) && h.EnumerateArray().Any(x => x.Str("name") == header));
        }
        // Weekdays dominate.
        var weekend = messages.Count(m => DateTime.Parse(m.Str("sentDateTime")!, CultureInfo.InvariantCulture).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.InRange(weekend, 1, messages.Count / 4);
    }

    [Fact]
    public void Truth_CountSums_MatchDistinctCountedMessages()
    {
        // A second, plainer count over the file (no per-address bookkeeping) must agree with the table's sums.
        var user = MailboxReader.Json(Path.Combine(mailbox.Folder, "user.json"));
        var own = user.GetProperty("proxyAddresses").EnumerateArray().Select(p => p.GetString()!)
            .Where(p => p.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase)).Select(p => p[5..].ToLowerInvariant())
            .Append(user.Str("mail")!.ToLowerInvariant()).Append(user.Str("userPrincipalName")!.ToLowerInvariant()).ToHashSet();
        var folders = MailboxReader.Json(Path.Combine(mailbox.Folder, "folders.json")).EnumerateArray().ToList();
        var excluded = folders.Where(f => f.Str("wellKnownName") is "junkemail" or "outbox").Select(f => f.Str("id")).ToHashSet();
        excluded.UnionWith(folders.Where(f => excluded.Contains(f.Str("parentFolderId"))).Select(f => f.Str("id")));

        var counted = MailboxReader.Messages(mailbox.Folder)
            .Where(m => !m.GetProperty("isDraft").GetBoolean() && !excluded.Contains(m.Str("parentFolderId")))
            .GroupBy(m => m.Str("internetMessageId")).Select(g => g.OrderBy(m => m.Str("id"), StringComparer.Ordinal).First()).ToList();
        var fromUser = counted.Where(m => CorrespondenceTruth.Normalize(m.Address("from")) is { } f && own.Contains(f)).ToList();
        var receivedExpected = counted.Except(fromUser).Count(m => CorrespondenceTruth.IsUsableSmtp(CorrespondenceTruth.Normalize(m.Address("from"))));
        var sentExpected = fromUser.Sum(m => m.Recipients().Select(r => CorrespondenceTruth.Normalize(r.RecipientAddress()))
            .Where(a => CorrespondenceTruth.IsUsableSmtp(a) && !own.Contains(a!)).Distinct().Count());

        var table = MailboxReader.Csv(Path.Combine(mailbox.Folder, "expected-correspondents.csv"));
        Assert.Equal(receivedExpected, table.Sum(r => int.Parse(r[2], CultureInfo.InvariantCulture)));
        Assert.Equal(sentExpected, table.Sum(r => int.Parse(r[1], CultureInfo.InvariantCulture)));
        Assert.True(receivedExpected > GeneratedMailboxFixture.MessageCount / 2);
        Assert.True(sentExpected > GeneratedMailboxFixture.MessageCount / 10);

        // Format: ordered, normalized, no user address, dates to the second with Z.
        var addresses = table.Select(r => r[0]).ToList();
        Assert.Equal(addresses.Order(StringComparer.Ordinal), addresses);
        Assert.All(table, r =>
        {
            Assert.Equal(6, r.Length);
            Assert.Equal(r[0], CorrespondenceTruth.Normalize(r[0]));
            Assert.DoesNotContain(r[0], own);
            Assert.Matches(@"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)?$", r[3]);
            Assert.Matches(@"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)?$", r[4]);
            Assert.Contains(r[5], (string[])["true", "false"]);
        });
        Assert.Equal("address,sent_count,received_count,last_sent,last_received,automated",
            File.ReadLines(Path.Combine(mailbox.Folder, "expected-correspondents.csv")).First());
    }

    [Fact]
    public void Changes_ParseAndChangeTheTruthAsPlanned()
    {
        var initialLines = MailboxReader.Messages(mailbox.Folder).ToDictionary(m => m.Str("id")!);
        var changeFiles = Directory.GetFiles(Path.Combine(mailbox.Folder, "changes")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["001.jsonl", "002.jsonl", "003.jsonl"], changeFiles.Select(Path.GetFileName));
        var all = changeFiles.SelectMany(MailboxReader.Lines).ToList();
        var removals = all.Where(l => l.TryGetProperty("@removed", out _)).ToList();
        var upserts = all.Except(removals).ToList();
        Assert.All(removals, r => Assert.Equal("deleted", r.GetProperty("@removed").Str("reason")));
        Assert.Contains(upserts, u => !initialLines.ContainsKey(u.Str("id")!));
        // A read-flag change: same id, same envelope, only isRead differs.
        Assert.Contains(upserts, u => initialLines.TryGetValue(u.Str("id")!, out var before)
            && Without(before, "isRead") == Without(u, "isRead") && before.GetProperty("isRead").GetBoolean() != u.GetProperty("isRead").GetBoolean());
        // A move: same id, another folder.
        Assert.Contains(upserts, u => initialLines.TryGetValue(u.Str("id")!, out var before) && before.Str("parentFolderId") != u.Str("parentFolderId"));
        // Deleting one of two copies, and the only copy.
        var copyCount = initialLines.Values.GroupBy(m => m.Str("internetMessageId")!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Contains(removals, r => initialLines.TryGetValue(r.Str("id")!, out var m) && copyCount[m.Str("internetMessageId")!] == 2);
        Assert.Contains(removals, r => initialLines.TryGetValue(r.Str("id")!, out var m) && copyCount[m.Str("internetMessageId")!] == 1);
        // A removal of a message the changes themselves added.
        var added = upserts.Select(u => u.Str("id")).Where(id => !initialLines.ContainsKey(id!)).ToHashSet();
        Assert.Contains(removals, r => added.Contains(r.Str("id")));

        var before = MailboxReader.Csv(Path.Combine(mailbox.Folder, "expected-correspondents.csv")).ToDictionary(r => r[0]);
        var after = MailboxReader.Csv(Path.Combine(mailbox.Folder, "after-changes", "expected-correspondents.csv")).ToDictionary(r => r[0]);
        Assert.False(before.Count == after.Count && before.All(kv => after.TryGetValue(kv.Key, out var a) && a.SequenceEqual(kv.Value)));
        var people = MailboxReader.Csv(Path.Combine(mailbox.Folder, "expected-people.csv"));
        var revived = people.Where(p => p[9] == "true" && p[10] == "false").ToList();
        Assert.Equal(3, revived.Count);
        Assert.All(revived, p => Assert.Equal("stale-friend", p[3]));
        Assert.DoesNotContain(people, p => p[9] == "false" && p[10] == "true");
        Assert.True(people.Count(p => p[10] == "true") >= mailbox.Result.StaleFriends - 3);
    }

    private static string Without(JsonElement e, string property) =>
        JsonSerializer.Serialize(e.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value));

    [Fact]
    public void People_PlantedKinds_HaveTheExpectedTruth()
    {
        var header = File.ReadLines(Path.Combine(mailbox.Folder, "expected-people.csv")).First();
        Assert.Equal("person_key,display_name,addresses,kind,traits,sent_count,received_count,last_contact,automated,expected_stale_friend,expected_stale_friend_after_changes", header);
        var people = MailboxReader.Csv(Path.Combine(mailbox.Folder, "expected-people.csv"));
        var now = mailbox.Options.Now;
        DateTimeOffset? Last(string[] p) => p[7].Length == 0 ? null : DateTimeOffset.Parse(p[7], CultureInfo.InvariantCulture);

        Assert.All(people.Where(p => p[3] == "stale-friend"), p =>
        {
            Assert.Equal("true", p[9]);
            Assert.True(Last(p) < now.AddMonths(-13), p[0]);
        });
        Assert.All(people.Where(p => p[3] == "active-colleague"), p =>
        {
            Assert.Equal("false", p[9]);
            Assert.True(Last(p) > now.AddDays(-40), p[0]);
            Assert.True(int.Parse(p[5], CultureInfo.InvariantCulture) > 0 && int.Parse(p[6], CultureInfo.InvariantCulture) > 0, p[0]);
        });
        Assert.All(people.Where(p => p[3] is "newsletter" or "notification" or "no-reply" or "list-poster"), p =>
        {
            Assert.Equal("true", p[8]);
            Assert.Equal("false", p[9]);
        });
        Assert.All(people.Where(p => p[3] == "one-off"), p => Assert.Equal(1, int.Parse(p[5], CultureInfo.InvariantCulture) + int.Parse(p[6], CultureInfo.InvariantCulture)));
        Assert.All(people.Where(p => p[3] == "never-replied"), p => Assert.Equal("0", p[6]));
        Assert.All(people.Where(p => p[3] is "contact-only" or "announcer" or "one-off" or "never-replied" or "mass-mail-only" or "role-address"),
            p => Assert.Equal("false", p[9]));
        Assert.All(people.Where(p => p[3] is "contact-only"), p => Assert.Equal("0", p[5]));
        Assert.Contains(people, p => p[3] == "long-silent" && p[9] == "true");
        Assert.Contains(people, p => p[3] == "stale-friend" && p[2].Contains(';', StringComparison.Ordinal) && p[4].Contains("contact-lists-both", StringComparison.Ordinal));
        Assert.Contains(people, p => p[2].Contains(';', StringComparison.Ordinal) && !p[4].Contains("contact-lists-both", StringComparison.Ordinal));
        var namesakes = people.Where(p => p[4].Contains("namesake", StringComparison.Ordinal)).GroupBy(p => p[1]).ToList();
        Assert.NotEmpty(namesakes);
        Assert.All(namesakes, g => Assert.Equal(["active-colleague", "stale-friend"], g.Select(p => p[3]).Order()));
        Assert.Equal(mailbox.Result.StaleFriends, people.Count(p => p[9] == "true"));
    }

    [Fact]
    public void Generate_100kMessages_WritesExactlyThatMany()
    {
        var folder = NewFolder();
        try
        {
            var result = MailboxGenerator.Generate(new GeneratorOptions { MessageCount = 100_000, Seed = 3, Gzip = true }, folder);

            Assert.Equal(100_000, result.MessageLines);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
