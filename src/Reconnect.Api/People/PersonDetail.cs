using Reconnect.Core.Drafting;
using Reconnect.Core.People;
using Reconnect.Core.Staleness;
using Reconnect.Core.Suggestions;

namespace Reconnect.Api.People;

/// <summary>One person's history at a glance, for the task pane's person view and read-mode card.</summary>
public sealed record PersonDetail(
    string PersonId,
    string DisplayName,
    string? GivenName,
    IReadOnlyList<string> Addresses,
    string? ContactId,
    bool Automated,
    IReadOnlyList<string> AutomatedReasons,
    bool NoMailYet,
    int SentCount,
    int ReceivedCount,
    DateTime? FirstSent,
    DateTime? LastSent,
    DateTime? FirstReceived,
    DateTime? LastReceived,
    DateTime? FirstContact,
    DateTime? LastContact,
    DateTime? LastPersonalContact,
    int TwoWayExchanges,
    double? UsualRhythmDays,
    bool Stale,
    int SilenceDays,
    string? SilenceText,
    string? FirstSubject,
    FeedbackState Feedback,
    RecommendedStrategy RecommendedStrategy,
    IReadOnlyList<QuarterActivity> Quarters,
    int MeetingCount,
    DateTime? FirstMet,
    DateTime? LastMet,
    string? LastTouchText);

/// <summary>What the user has said of this person.</summary>
public sealed record FeedbackState(DateTime? SnoozedUntil, bool Dismissed, bool NotAPerson);

/// <summary>The strategy the history alone suggests, and why.</summary>
public sealed record RecommendedStrategy(string Id, string Why);

/// <summary>Messages each way, and meetings, in one calendar quarter, for the history chart.</summary>
public sealed record QuarterActivity(string Quarter, DateTime Start, int Sent, int Received, int Met = 0);

internal static class PersonDetails
{
    public static PersonDetail From(
        PersonProfile person, DateTime now, StalenessPolicy policy, SuggestionFeedback feedback, string? firstSubject, IReadOnlyList<QuarterActivity> quarters)
    {
        var verdict = StalenessJudge.Judge(person, now, policy);
        var notAPerson = person.Addresses.Any(feedback.IsNotAPerson);
        var recommendation = StrategyRecommender.Recommend(hasArticle: false, hasActivity: false);
        return new PersonDetail(
            person.PersonId,
            person.DisplayName,
            person.GivenName,
            person.Addresses,
            person.ContactId,
            person.IsAutomated || notAPerson,
            notAPerson ? [.. person.Automated.Reasons, "you marked this address as not a person"] : person.Automated.Reasons,
            person.NoMailYet,
            person.SentCount,
            person.ReceivedCount,
            person.FirstSent,
            person.LastSent,
            person.FirstReceived,
            person.LastReceived,
            person.FirstContact,
            person.LastContact,
            person.LastPersonalContact,
            person.TwoWayExchanges,
            person.UsualRhythm?.TotalDays,
            verdict.IsStale && !person.IsAutomated && !notAPerson,
            verdict.SilenceDays,
            verdict.SilentSince is { } since ? SuggestionWording.Silence(since, now) : null,
            firstSubject,
            new FeedbackState(
                person.Addresses.Select(feedback.SnoozedUntil).Where(d => d > now).Max(),
                person.Addresses.Any(feedback.IsDismissed),
                notAPerson),
            new RecommendedStrategy(recommendation.Id, recommendation.Why),
            quarters,
            person.MeetingCount,
            person.FirstMeeting,
            person.LastMeeting,
            SuggestionWording.LastTouch(person));
    }
}
