using Reconnect.Core.Correspondence;
using Reconnect.Core.People;
using Reconnect.Core.Tests.Support;
using static Reconnect.Core.Tests.Support.Mail;

namespace Reconnect.Core.Tests.People;

public sealed class AutomatedSendersTests
{
    // address, sent, received, bulk, other, exchanges, automated
    [Theory]
    // Headers.
    [InlineData("newsletter@industryweekly.example", 0, 4, 4, 4, 0, true)]
    [InlineData("alex@shop.example", 0, 1, 1, 0, 0, true)]
    [InlineData("editor@weekly.example", 1, 30, 30, 0, 0, true)]     // answered once, but every message was bulk
    [InlineData("dana@oss.example", 3, 20, 17, 0, 0, true)]          // mostly list mail, never a real exchange
    [InlineData("dana@oss.example", 3, 20, 17, 0, 2, false)]         // list poster who also writes privately
    [InlineData("friend@home.example", 5, 10, 1, 0, 4, false)]        // one out-of-office auto-reply
    // No-reply and machine-generated addresses, even when written to.
    [InlineData("no-reply@events.example", 0, 1, 0, 0, 0, true)]
    [InlineData("noreply@github.example", 2, 5, 0, 0, 0, true)]
    [InlineData("do-not-reply@bank.example", 0, 1, 0, 0, 0, true)]
    [InlineData("mailer-daemon@mx.example", 0, 2, 0, 0, 0, true)]
    [InlineData("reply+a1b2c3d4e5f60718293a@reply.github.example", 1, 3, 0, 0, 0, true)]
    [InlineData("bounce-123=jordan=northwind.example@mg.example", 0, 1, 0, 0, 0, true)]
    // Role addresses: machines unless the user writes to them.
    [InlineData("info@litware.example", 0, 2, 0, 0, 0, true)]
    [InlineData("support@litware.example", 0, 1, 0, 0, 0, true)]
    [InlineData("team.news@litware.example", 0, 1, 0, 0, 0, true)]
    [InlineData("notifications@tracker.example", 0, 1, 0, 0, 0, true)]
    [InlineData("hello@janedoe.example", 3, 3, 0, 0, 2, false)]
    [InlineData("support@litware.example", 1, 1, 0, 0, 1, false)]
    // Mass-mailing hosts and behaviour.
    [InlineData("deals@news.store.example", 0, 1, 0, 0, 0, true)]
    [InlineData("pat@em.brand.example", 0, 2, 0, 0, 0, true)]
    [InlineData("pat@brand.example", 0, 4, 0, 3, 0, true)]            // Outlook's Other, never written to
    [InlineData("pat@brand.example", 0, 12, 0, 0, 0, true)]           // 12 received, never answered
    // People.
    [InlineData("pat@brand.example", 0, 2, 0, 0, 0, false)]
    [InlineData("pat@brand.example", 1, 12, 0, 12, 0, false)]          // written to: Other is only a guess
    [InlineData("sam.patel@contoso.example", 4, 4, 0, 0, 7, false)]
    [InlineData("john.smith1985@gmail.com", 0, 1, 0, 0, 0, false)]
    [InlineData("s1234567@uni.example", 2, 2, 0, 0, 2, false)]
    [InlineData("lee@mail.university.example", 0, 1, 0, 0, 0, false)]
    public void Classify_Table(string address, int sent, int received, int bulk, int other, int exchanges, bool automated)
    {
        var verdict = AutomatedSenders.Classify(new SenderStats(address, sent, received, bulk, other, exchanges));

        Assert.Equal(automated, verdict.IsAutomated);
        Assert.Equal(automated, verdict.Reasons.Count > 0);
    }

    [Fact]
    public void Classify_GivesPlainReasons()
    {
        var verdict = AutomatedSenders.Classify(new SenderStats("newsletter@industryweekly.example", 0, 4, 4, 4));

        Assert.Contains("4 of their 4 messages carried bulk-mail headers (List-Unsubscribe, List-Id, Precedence or Auto-Submitted)", verdict.Reasons);
        Assert.Contains("\"newsletter@\" is a role address, not a person's", verdict.Reasons);
    }

    [Fact]
    public void Build_PersonWithOneAutomatedAlias_IsStillAPerson()
    {
        var people = new Mail()
            .Thread("ana@work.example", Day(2023, 1, 10), 3, TimeSpan.FromDays(7))
            .Received("ana-noreply@work.example", Day(2023, 2, 1))
            .Contact("C", "Ana Silva", "ana@work.example", "ana-noreply@work.example")
            .People();

        Assert.False(Assert.Single(people).IsAutomated);
    }

    [Fact]
    public void Build_BulkMailFromAPerson_IsNotAnExchange()
    {
        var people = new Mail()
            .Sent("dana@oss.example", Day(2023, 1, 1))
            .Received("dana@oss.example", Day(2023, 1, 2), groupSize: 1, bulk: BulkSignals.ListId)
            .People();

        Assert.Equal(0, people[0].TwoWayExchanges);
    }

    [Fact]
    public void IsRoleAddress_OnlyWhenEveryWordIsAFunction()
    {
        Assert.True(AutomatedSenders.IsRoleAddress("info@x.example"));
        Assert.True(AutomatedSenders.IsRoleAddress("sales-team@x.example"));
        Assert.False(AutomatedSenders.IsRoleAddress("ana.info@x.example"));
    }
}
