using Reconnect.Core.People;

namespace Reconnect.Core.Suggestions;

/// <summary>The words of a suggestion: the silence and the reason, built from the numbers.</summary>
public static class SuggestionWording
{
    private static readonly string[] MonthNames =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    /// <summary>
    /// The silence in calendar years and months, as a person says it: "2 years, 6 months", "1 year",
    /// "11 months", under a month "3 weeks" or "5 days". Whole units only, rounded down: a silence
    /// is never reported longer than it is.
    /// </summary>
    /// <param name="joiner">Between years and months: ", " for a label, " and " inside a sentence.</param>
    public static string Silence(DateTime since, DateTime now, string joiner = ", ")
    {
        if (now <= since)
        {
            return "less than a day";
        }

        var months = WholeMonths(since, now);
        if (months >= 12)
        {
            var years = Count(months / 12, "year");
            return months % 12 == 0 ? years : years + joiner + Count(months % 12, "month");
        }

        if (months >= 1)
        {
            return Count(months, "month");
        }

        var days = (int)(now - since).TotalDays;
        return days switch
        {
            0 => "less than a day",
            >= 14 => Count(days / 7, "week"),
            _ => Count(days, "day"),
        };
    }

    /// <summary>
    /// A plain sentence from the history: what was exchanged, over which months, and the silence.
    /// "You exchanged 14 emails between March 2023 and May 2024; nothing since, 2 years and 6 months."
    /// One-way histories say who wrote ("You wrote them 2 emails in October 2023; ..."); a range
    /// within one month or year is said once ("in March 2024", "between March and May 2024").
    /// </summary>
    public static string Reason(PersonProfile person, DateTime since, DateTime now)
    {
        var emails = person.SentCount + person.ReceivedCount;
        var what = (person.SentCount > 0, person.ReceivedCount > 0) switch
        {
            (true, true) => $"You exchanged {Count(emails, "email")}",
            (true, false) => $"You wrote them {Count(emails, "email")}",
            (false, true) => $"They wrote you {Count(emails, "email")}",
            _ => null,
        };
        if (person.PersonalMeetingCount > 0)
        {
            var met = "met " + Times(person.PersonalMeetingCount);
            what = what is null ? "You " + met : what + " and " + met;
        }

        what ??= "You were in touch";
        var first = person.FirstContact ?? since;
        var last = since < first ? first : since;
        return $"{what} {Period(first, last)}; nothing since, {Silence(since, now, " and ")}.";
    }

    /// <summary>
    /// The latest touch of each kind, meetings first when there are any: "last met 14 March 2025,
    /// last email 2 June 2024"; "last email 2 June 2024"; null when there is neither.
    /// </summary>
    public static string? LastTouch(PersonProfile person)
    {
        var lastEmail = (person.LastSent, person.LastReceived) switch
        {
            ({ } s, { } r) => s > r ? s : r,
            ({ } s, null) => s,
            (null, { } r) => r,
            _ => (DateTime?)null,
        };
        var parts = new List<string>(2);
        if (person.LastMeeting is { } met)
        {
            parts.Add("last met " + Date(met));
        }

        if (lastEmail is { } mail)
        {
            parts.Add("last email " + Date(mail));
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    /// <summary>"14 March 2025".</summary>
    public static string Date(DateTime date) => $"{date.Day} {MonthNames[date.Month - 1]} {date.Year}";

    /// <summary>"in March 2024", "between March and May 2024", "between March 2023 and May 2024".</summary>
    public static string Period(DateTime first, DateTime last)
    {
        if (first.Year == last.Year && first.Month == last.Month)
        {
            return $"in {MonthNames[first.Month - 1]} {first.Year}";
        }

        return first.Year == last.Year
            ? $"between {MonthNames[first.Month - 1]} and {MonthNames[last.Month - 1]} {last.Year}"
            : $"between {MonthNames[first.Month - 1]} {first.Year} and {MonthNames[last.Month - 1]} {last.Year}";
    }

    internal static int WholeMonths(DateTime since, DateTime now)
    {
        var months = (now.Year - since.Year) * 12 + now.Month - since.Month;
        // Not a whole month until the same day and time of the month comes round (Jan 31 + 1 month = Feb 28/29).
        if (months > 0 && since.AddMonths(months) > now)
        {
            months--;
        }

        return Math.Max(0, months);
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Times(int count) => count switch
    {
        1 => "once",
        2 => "twice",
        _ => $"{count} times",
    };
}
