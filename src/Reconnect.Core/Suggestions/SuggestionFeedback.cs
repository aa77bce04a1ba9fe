namespace Reconnect.Core.Suggestions;

/// <summary>
/// What the user said about people, stored by the API per address: a person's feedback is written
/// to every address they have, and a person is held back when ANY of their addresses carries it.
/// So a later merge (a new contact card joining two addresses) never resurrects a dismissed person.
/// </summary>
public sealed class SuggestionFeedback
{
    /// <summary>The snooze lengths the task pane offers.</summary>
    public static readonly IReadOnlyList<int> DefaultSnoozeMonths = [1, 3];

    public static readonly SuggestionFeedback None = new([], new Dictionary<string, DateTime>(), []);

    private readonly HashSet<string> _dismissed;
    private readonly Dictionary<string, DateTime> _snoozedUntil;
    private readonly HashSet<string> _notAPerson;

    /// <param name="dismissed">Never suggest again.</param>
    /// <param name="snoozedUntil">Not before this date (UTC).</param>
    /// <param name="notAPerson">Machines for this user: never suggested, shown as automated.</param>
    /// <remarks>Addresses are expected normalized, as the index stores them.</remarks>
    public SuggestionFeedback(IEnumerable<string> dismissed, IEnumerable<KeyValuePair<string, DateTime>> snoozedUntil, IEnumerable<string> notAPerson)
    {
        _dismissed = new HashSet<string>(dismissed, StringComparer.Ordinal);
        _notAPerson = new HashSet<string>(notAPerson, StringComparer.Ordinal);
        _snoozedUntil = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var (address, until) in snoozedUntil)
        {
            // Two snoozes of one address: the later one holds.
            _snoozedUntil[address] = _snoozedUntil.TryGetValue(address, out var other) && other > until ? other : until;
        }
    }

    public bool IsEmpty => _dismissed.Count == 0 && _snoozedUntil.Count == 0 && _notAPerson.Count == 0;

    /// <summary>The date a snooze of <paramref name="months"/> months from now lasts until.</summary>
    public static DateTime SnoozeUntil(DateTime now, int months) => now.AddMonths(months);

    /// <summary>Whether any of a person's addresses keeps them out of suggestions at <paramref name="now"/>.</summary>
    public bool HoldsBack(IReadOnlyList<string> addresses, DateTime now)
    {
        if (IsEmpty)
        {
            return false;
        }

        for (var i = 0; i < addresses.Count; i++)
        {
            var address = addresses[i];
            if (_dismissed.Contains(address) || _notAPerson.Contains(address)
                || (_snoozedUntil.TryGetValue(address, out var until) && until > now))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsDismissed(string address) => _dismissed.Contains(address);

    public bool IsNotAPerson(string address) => _notAPerson.Contains(address);

    public DateTime? SnoozedUntil(string address) => _snoozedUntil.TryGetValue(address, out var until) ? until : null;
}
