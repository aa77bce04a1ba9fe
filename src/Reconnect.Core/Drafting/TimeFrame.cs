namespace Reconnect.Core.Drafting;

/// <summary>Says how long ago something was the way a person would ("over a year").</summary>
public static class TimeFrame
{
    private const double DaysPerYear = 365.2425, DaysPerMonth = DaysPerYear / 12;

    private static readonly string[] Numbers =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    /// <summary>
    /// The gap between <paramref name="since"/> and <paramref name="now"/>, rounded the way people
    /// round: "about eight months", "over a year", "almost two years", "more than three years".
    /// </summary>
    /// <remarks>Reads well after "it's been …": never a bare number, never "0 months".
    /// A <paramref name="since"/> after <paramref name="now"/> (clock skew) counts as no gap.</remarks>
    public static string Describe(DateTimeOffset since, DateTimeOffset now)
    {
        var days = Math.Max(0, (now - since).TotalDays);
        if (days < 7) return "a few days";
        if (days < 11) return "about a week";
        if (days < 25) return $"about {Numbers[(int)Math.Round(days / 7)]} weeks";
        if (days < 46) return "about a month";
        if (days < 320) return $"about {Numbers[(int)Math.Round(days / DaysPerMonth)]} months";
        if (days < 350) return "almost a year";

        var years = days / DaysPerYear;
        if (years < 1.1) return "about a year";
        if (years < 1.75) return "over a year";
        if (years >= 9.75) return years < 10.25 ? "about ten years" : "more than a decade";

        var whole = (int)Math.Floor(years);
        var fraction = years - whole;
        return fraction switch
        {
            < 0.1 => $"about {Numbers[whole]} years",
            < 0.75 => $"more than {Numbers[whole]} years",
            _ => $"almost {Numbers[whole + 1]} years",
        };
    }
}
