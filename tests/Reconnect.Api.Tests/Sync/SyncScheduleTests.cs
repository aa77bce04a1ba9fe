using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using Reconnect.Api.Sync;

namespace Reconnect.Api.Tests.Sync;

public sealed class SyncScheduleTests
{
    private static readonly DateTime Completed = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Jitter_ConsecutiveMailboxIds_SpreadEvenlyOverTheRange()
    {
        var tenths = new int[10];
        for (var id = 1; id <= 1000; id++)
        {
            var jitter = SyncSchedule.Jitter(id);
            Assert.InRange(jitter, 0.0, Math.BitDecrement(1.0));
            tenths[(int)(jitter * 10)]++;
        }

        Assert.All(tenths, count => Assert.InRange(count, 90, 110));
    }

    [Fact]
    public void NextRefresh_MailboxesThatCompletedTogether_AreDueAfterTheIntervalAtDifferentTimesWithinTheSpread()
    {
        var interval = TimeSpan.FromHours(1);

        var due = Enumerable.Range(1, 500).Select(id => SyncSchedule.NextRefresh(id, Completed, interval)).ToList();

        Assert.All(due, at => Assert.InRange(at, Completed + interval, Completed + (interval * (1 + SyncSchedule.Spread))));
        Assert.Equal(due.Count, due.Distinct().Count());
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(7, 320)]
    [InlineData(8, 360)]
    [InlineData(1000, 360)]
    public void Backoff_FailuresInARow_DoubleFromTheFirstUpToTheCap(int failuresInARow, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), SyncSchedule.Backoff(failuresInARow, TimeSpan.FromMinutes(5), TimeSpan.FromHours(6)));
    }

    [Fact]
    public void NextRetry_SecondFailureInARow_WaitsTwiceAsLongAsTheFirst()
    {
        var options = new SyncOptions();

        var first = SyncSchedule.NextRetry(7, Completed, 1, options) - Completed;
        var second = SyncSchedule.NextRetry(7, Completed, 2, options) - Completed;

        Assert.InRange(first, options.FailureBackoff, options.FailureBackoff * (1 + SyncSchedule.Spread));
        Assert.Equal(first * 2, second);
    }

    [Fact]
    public void Describe_ATokenOnlyTheUserCanRenew_IsAnErrorLeftToTheUser()
    {
        var expired = new MicrosoftIdentityWebChallengeUserException(
            new MsalUiRequiredException("invalid_grant", "AADSTS700082: The refresh token has expired due to inactivity."), ["https://graph.microsoft.com/Mail.ReadBasic"]);

        var error = SyncErrors.Describe(new InvalidOperationException("wrapped on its way out of the SDK", expired));

        Assert.Equal(SyncErrors.SignInNeeded, error);
        Assert.True(SyncErrors.NeedsUser(error));
    }

    [Theory]
    [InlineData(401, true)]
    [InlineData(403, true)]
    [InlineData(429, false)]
    [InlineData(503, false)]
    public void NeedsUser_GraphStatus_OnlyRefusedAccessWaitsForTheUser(int status, bool needsUser)
    {
        Assert.Equal(needsUser, SyncErrors.NeedsUser(SyncErrors.Describe(new ODataError { ResponseStatusCode = status })));
    }

    [Fact]
    public void NeedsUser_NetworkTroubleOrNoError_IsRetried()
    {
        Assert.False(SyncErrors.NeedsUser(SyncErrors.Describe(new HttpRequestException("reset"))));
        Assert.False(SyncErrors.NeedsUser(SyncErrors.Describe(new InvalidOperationException("bug"))));
        Assert.False(SyncErrors.NeedsUser(null));
    }
}
