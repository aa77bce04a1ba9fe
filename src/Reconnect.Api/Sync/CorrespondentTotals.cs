using Reconnect.Api.Infrastructure;
using Reconnect.Core.Correspondence;

namespace Reconnect.Api.Sync;

/// <summary>How one counted exchange moves a correspondent's running totals.</summary>
internal static class CorrespondentTotals
{
    public static void Add(Correspondent correspondent, Direction direction, DateTime date, BulkSignals bulk)
    {
        if (direction == Direction.Sent)
        {
            correspondent.SentCount++;
            correspondent.FirstSent = Min(correspondent.FirstSent, date);
            correspondent.LastSent = Max(correspondent.LastSent, date);
            return;
        }

        correspondent.ReceivedCount++;
        correspondent.FirstReceived = Min(correspondent.FirstReceived, date);
        correspondent.LastReceived = Max(correspondent.LastReceived, date);
        if ((bulk & BulkSignals.Headers) != 0)
        {
            correspondent.BulkCount++;
        }

        if ((bulk & BulkSignals.ClassifiedAsOther) != 0)
        {
            correspondent.OtherCount++;
        }
    }

    /// <summary>
    /// Keeps the best display name: the one people give themselves in From beats what others type
    /// in To, a newer one beats an older one, and a "name" that is only an address is no name.
    /// </summary>
    public static void OfferName(Correspondent correspondent, string? name, bool fromSender, DateTime seenAt)
    {
        if (name is null || EmailAddress.Normalize(name) is not null)
        {
            return;
        }

        var better = correspondent.DisplayName is null
            || (fromSender && !correspondent.NameFromSender)
            || (fromSender == correspondent.NameFromSender && seenAt >= correspondent.NameSeenAt);
        if (better)
        {
            correspondent.DisplayName = name;
            correspondent.NameFromSender = fromSender;
            correspondent.NameSeenAt = seenAt;
        }
    }

    private static DateTime Min(DateTime? current, DateTime candidate) => current is { } c && c <= candidate ? c : candidate;

    private static DateTime Max(DateTime? current, DateTime candidate) => current is { } c && c >= candidate ? c : candidate;
}
