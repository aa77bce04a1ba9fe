using Reconnect.GraphSimulator.Faults;
using Reconnect.GraphSimulator.Fixtures;
using Reconnect.GraphSimulator.Mailbox;

namespace Reconnect.GraphSimulator;

/// <summary>
/// One simulated Exchange Online mailbox: the fixture's state, the change sets still to apply, and
/// the accounting tests and benchmarks read (requests answered, last Authorization header).
/// Serve it over HTTP with <see cref="GraphSimulatorEndpoints.MapGraphSimulator"/> or
/// <see cref="GraphSimulatorServer"/>. Thread-safe.
/// </summary>
public sealed class GraphMailboxSimulator
{
    private readonly Lock _changesGate = new();
    private long _requestCount;
    private string? _lastAuthorization;
    private int _appliedChangeSets;
    private int _skippedChangeLines;

    public GraphMailboxSimulator(MailboxFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Fixture = fixture;
        Folders = new FolderTree(fixture.Folders);
        Store = new MailboxStore(fixture.Folders.Count + 1, fixture.Messages.Concat(fixture.Events));
    }

    /// <summary>Loads the fixture folder and simulates it.</summary>
    public static GraphMailboxSimulator Load(string fixturePath) => new(MailboxFixture.Load(fixturePath));

    public MailboxFixture Fixture { get; }

    /// <summary>The faults injected into Graph requests (none until configured) and their counts.</summary>
    public SimulatedFaults Faults { get; } = new();

    /// <summary>Graph (<c>/v1.0</c>) requests answered so far, errors included; the control endpoints are not counted.</summary>
    public long RequestCount => Interlocked.Read(ref _requestCount);

    /// <summary>The <c>Authorization</c> header of the latest Graph request, null if it had none.</summary>
    public string? LastAuthorizationHeader => Volatile.Read(ref _lastAuthorization);

    /// <summary>Change sets applied so far; also the mailbox version that delta tokens refer to.</summary>
    public int MailboxVersion => Store.Version;

    public int PendingChangeSetCount => Fixture.ChangeFiles.Count - Volatile.Read(ref _appliedChangeSets);

    /// <summary>Lines of applied change files that were skipped (unparsable, or a new message without a known folder).</summary>
    public int SkippedChangeLineCount => Volatile.Read(ref _skippedChangeLines);

    internal FolderTree Folders { get; }

    internal MailboxStore Store { get; }

    public void ResetRequestCount() => Interlocked.Exchange(ref _requestCount, 0);

    /// <summary>Applies the next <c>changes/NNN.jsonl</c> file as one new mailbox version.</summary>
    /// <returns>False when every change file has been applied already.</returns>
    public bool ApplyNextChanges()
    {
        lock (_changesGate)
        {
            if (_appliedChangeSets >= Fixture.ChangeFiles.Count)
            {
                return false;
            }
            var changes = ReadChangeFile(Fixture.ChangeFiles[_appliedChangeSets]);
            Store.Apply(changes);
            Volatile.Write(ref _appliedChangeSets, _appliedChangeSets + 1);
            return true;
        }
    }

    internal void RecordRequest(string? authorization)
    {
        Interlocked.Increment(ref _requestCount);
        Volatile.Write(ref _lastAuthorization, authorization);
    }

    // Read when applied, not at load: change files are for tests and demos, and reading them late
    // keeps the loaded fixture small.
    private List<Change> ReadChangeFile(string path)
    {
        var changes = new List<Change>();
        using var stream = File.OpenRead(path);
        foreach (var line in Utf8LineReader.ReadLines(stream))
        {
            if (!MessageLine.TryParse(line.Span, out var parsed))
            {
                Interlocked.Increment(ref _skippedChangeLines);
                continue;
            }
            if (parsed.IsRemoval)
            {
                changes.Add(new Change(parsed.Id, null));
                continue;
            }
            // A replacement without parentFolderId stays where it is; any other line must name a known
            // folder, except an event (it has an iCalUId), which belongs to the calendar.
            var folder = parsed.IsEvent
                ? Fixture.CalendarIndex
                : parsed.ParentFolderId is { } folderId
                    ? Folders.IndexOfId(folderId)
                    : CurrentFolderAfter(changes, parsed.Id);
            if (folder < 0)
            {
                Interlocked.Increment(ref _skippedChangeLines);
                continue;
            }
            changes.Add(new Change(parsed.Id, new MessageRecord(parsed.Id, folder, parsed.IsRead == false, line.ToArray())));
        }
        return changes;
    }

    private int CurrentFolderAfter(List<Change> pending, string id)
    {
        for (var i = pending.Count - 1; i >= 0; i--)
        {
            if (pending[i].Id == id)
            {
                return pending[i].Message?.FolderIndex ?? -1;
            }
        }
        return Store.FolderOf(id);
    }
}
