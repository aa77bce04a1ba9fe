using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Reconnect.GraphSimulator.Generation;

/// <summary>What <see cref="MailboxGenerator.Generate"/> wrote.</summary>
public sealed record GenerationResult(
    string OutputFolder,
    int MessageLines,
    int ChangeFiles,
    int ChangeLines,
    int Correspondents,
    int CorrespondentsAfterChanges,
    int StaleFriends,
    int StaleFriendsAfterChanges,
    IReadOnlyDictionary<string, int> PeopleByKind)
{
    /// <summary>Lines of events.jsonl (0 without <see cref="GeneratorOptions.Calendar"/>).</summary>
    public int EventLines { get; init; }
}

/// <summary>
/// Writes a deterministic synthetic mailbox fixture (fixture-format.md) of any size, with its ground
/// truth beside it: expected-correspondents.csv (initial), after-changes/expected-correspondents.csv,
/// expected-people.csv (planted people and whether each is a stale friend) and README.md.
/// </summary>
public static class MailboxGenerator
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <summary>Generates the fixture into <paramref name="outputFolder"/> (created if missing; earlier
    /// generated files in it are replaced). Same options ⇒ byte-identical files.</summary>
    /// <param name="options">Size, seed, "now", compression, change batches, user identity.</param>
    /// <param name="outputFolder">The fixture folder.</param>
    /// <returns>Counts of what was written.</returns>
    public static GenerationResult Generate(GeneratorOptions options, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Directory.CreateDirectory(outputFolder);
        foreach (var stale in (string[])["messages.jsonl", "messages.jsonl.gz", "events.jsonl", "expected-meetings.csv"])
        {
            File.Delete(Path.Combine(outputFolder, stale));
        }
        foreach (var dir in (string[])["changes", "after-changes"])
        {
            if (Directory.Exists(Path.Combine(outputFolder, dir)))
            {
                Directory.Delete(Path.Combine(outputFolder, dir), recursive: true);
            }
        }

        var now = options.Now.UtcTicks;
        var historyStart = options.Now.UtcDateTime.AddYears(-options.YearsOfHistory).Ticks;
        var lastInitial = now - 2 * TimeSpan.TicksPerDay;
        var population = Population.Build(options, historyStart, lastInitial);
        var folders = FolderLayout.Create(options.Seed);
        var planner = new MessagePlanner(options, population, historyStart, lastInitial);
        planner.Plan();
        var specs = planner.Specs;
        if (specs.Count != options.MessageCount)
        {
            throw new InvalidOperationException($"Planned {specs.Count} messages instead of {options.MessageCount}.");
        }
        specs.Sort(static (a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks)
            : a.MessageNo != b.MessageNo ? a.MessageNo.CompareTo(b.MessageNo) : a.Folder.CompareTo(b.Folder));
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(specs);
        for (var i = 0; i < span.Length; i++)
        {
            span[i].IdNo = i;
        }

        WriteJson(Path.Combine(outputFolder, "user.json"), w => WriteUser(w, options));
        WriteJson(Path.Combine(outputFolder, "folders.json"), w => WriteFolders(w, folders));
        WriteJson(Path.Combine(outputFolder, "contacts.json"), w => WriteContacts(w, population));

        var renderer = new MessageRenderer(options, population, folders);
        var messagesPath = Path.Combine(outputFolder, options.Gzip ? "messages.jsonl.gz" : "messages.jsonl");
        using (var file = new FileStream(messagesPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var gzip = options.Gzip ? new GZipStream(file, CompressionLevel.Fastest) : null)
        {
            var output = (Stream?)gzip ?? file;
            WriteLines(output, specs.Count, (w, i) => renderer.Write(w, specs[i]));
        }

        var changes = new ChangePlanner(options, population, planner, specs, lastInitial);
        var batches = changes.Plan();
        var changeLines = 0;
        if (batches.Count > 0)
        {
            Directory.CreateDirectory(Path.Combine(outputFolder, "changes"));
        }
        for (var b = 0; b < batches.Count; b++)
        {
            var lines = batches[b];
            changeLines += lines.Count;
            using var file = new FileStream(Path.Combine(outputFolder, "changes", $"{b + 1:D3}.jsonl"), FileMode.Create);
            WriteLines(file, lines.Count, (w, i) =>
            {
                if (lines[i].Removal)
                {
                    renderer.WriteRemoval(w, lines[i].Spec.IdNo);
                }
                else
                {
                    renderer.Write(w, lines[i].Spec);
                }
            });
        }

        // The truth is read back from the files as written, by rules of its own (CorrespondenceTruth).
        var (initial, after) = CorrespondenceTruth.ComputeBoth(outputFolder);
        WriteText(Path.Combine(outputFolder, "expected-correspondents.csv"), w => CorrespondenceTruth.WriteCsv(initial, w));
        Directory.CreateDirectory(Path.Combine(outputFolder, "after-changes"));
        WriteText(Path.Combine(outputFolder, "after-changes", "expected-correspondents.csv"), w => CorrespondenceTruth.WriteCsv(after, w));
        var people = PeopleTruth.Compute(population, initial, after, options.Now);
        WriteText(Path.Combine(outputFolder, "expected-people.csv"), w => PeopleTruth.WriteCsv(people, w));

        var eventLines = 0;
        if (options.Calendar)
        {
            var (lines, meetings) = CalendarGenerator.Write(options, population, people, Path.Combine(outputFolder, "events.jsonl"));
            eventLines = lines;
            WriteText(Path.Combine(outputFolder, "expected-meetings.csv"), w => CalendarGenerator.WriteCsv(meetings, w));
        }

        var kinds = population.All.GroupBy(p => PlantedPerson.KindName(p.Kind))
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new GenerationResult(outputFolder, specs.Count, batches.Count, changeLines, initial.Count, after.Count,
            people.Count(p => p.StaleFriend), people.Count(p => p.StaleFriendAfterChanges), kinds) { EventLines = eventLines };
        WriteText(Path.Combine(outputFolder, "README.md"), w => FixtureReadme.Write(w, options, result, specs, population, people, changes.Revived));
        return result;
    }

    private static void WriteLines(Stream output, int count, Action<Utf8JsonWriter, int> writeLine)
    {
        using var buffered = new BufferedStream(output, 1 << 16);
        using var writer = new Utf8JsonWriter(buffered, MessageRenderer.WriterOptions);
        for (var i = 0; i < count; i++)
        {
            writeLine(writer, i);
            writer.Flush();
            buffered.WriteByte((byte)'\n');
            writer.Reset(buffered);
        }
    }

    private static void WriteJson(string path, Action<Utf8JsonWriter> write)
    {
        using var file = new FileStream(path, FileMode.Create);
        using var writer = new Utf8JsonWriter(file, MessageRenderer.WriterOptions with { Indented = true });
        write(writer);
    }

    private static void WriteText(string path, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(path, false, Utf8NoBom);
        writer.NewLine = "\n";
        write(writer);
    }

    private static void WriteUser(Utf8JsonWriter w, GeneratorOptions options)
    {
        var h = SeededRandom.Mix((ulong)options.Seed, 0xACE);
        w.WriteStartObject();
        w.WriteString("id", $"{(uint)h:x8}-{(ushort)(h >> 32):x4}-4000-8000-{h >> 16 & 0xFFFFFFFFFFFF:x12}");
        w.WriteString("displayName", options.UserDisplayName);
        w.WriteString("mail", options.UserMail);
        w.WriteString("userPrincipalName", options.UserPrincipalName);
        w.WriteStartArray("proxyAddresses");
        w.WriteStringValue("SMTP:" + options.UserMail);
        foreach (var alias in options.UserAliases)
        {
            w.WriteStringValue("smtp:" + alias);
        }
        // Not e-mail aliases: a product must look at the smtp: prefix only.
        w.WriteStringValue("SIP:" + options.UserMail);
        w.WriteStringValue($"X500:/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn={h:x16}-user");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFolders(Utf8JsonWriter w, FolderSpec[] folders)
    {
        w.WriteStartArray();
        for (var i = 0; i < folders.Length; i++)
        {
            var f = folders[i];
            w.WriteStartObject();
            w.WriteString("id", f.Id);
            w.WriteString("displayName", f.DisplayName);
            if (f.WellKnownName is not null)
            {
                w.WriteString("wellKnownName", f.WellKnownName);
            }
            if (f.Parent < 0) w.WriteNull("parentFolderId"); else w.WriteString("parentFolderId", folders[f.Parent].Id);
            w.WriteNumber("childFolderCount", folders.Count(c => c.Parent == i));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteContacts(Utf8JsonWriter w, Population population)
    {
        w.WriteStartArray();
        foreach (var c in population.Contacts)
        {
            var p = c.Person;
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("displayName", p.DisplayName);
            w.WriteString("givenName", p.GivenName);
            w.WriteString("surname", p.Surname);
            w.WriteStartArray("emailAddresses");
            foreach (var a in c.Addresses)
            {
                w.WriteStartObject();
                w.WriteString("name", p.DisplayName);
                w.WriteString("address", a);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("companyName", p.Company);
            w.WriteString("jobTitle", p.JobTitle);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
