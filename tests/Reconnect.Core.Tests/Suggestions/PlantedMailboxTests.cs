using Reconnect.Core.Correspondence;
using Reconnect.Core.Suggestions;
using Reconnect.Core.Tests.Support;
using static Reconnect.Core.Tests.Support.Mail;

namespace Reconnect.Core.Tests.Suggestions;

/// <summary>
/// A messy mailbox with planted truth, a stand-in until the generator lands: stale friends among
/// active friends, mass mail, mailing lists, newsletters, one-way contacts, namesakes and people
/// met once who never replied. The issue's bar: precision of the top 20 ≥ 0.95, recall of planted
/// stale friends in the top 50 ≥ 0.9.
/// </summary>
public sealed class PlantedMailboxTests
{
    private static readonly DateTime Now = Day(2026, 11, 26);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Rank_PlantedMailbox_MeetsThePrecisionAndRecallBar(int seed)
    {
        var random = new Random(seed);
        var mail = new Mail();
        var staleFriends = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < 40; i++)
        {
            // A friendship of 3 to 30 exchanges over months or years, silent 13 to 60 months.
            var address = $"friend{i}@{(i % 3 == 0 ? "gmail.com" : $"company{i}.example")}";
            var last = Now.AddDays(-random.Next(400, 1800));
            var conversations = random.Next(2, 16);
            var spacing = TimeSpan.FromDays(random.Next(7, 90));
            var start = last - spacing * conversations;
            mail.Named(address, $"Friend Number{Letters(i)}").Thread(address, start, conversations, spacing, groupSize: random.Next(1, 3));
            staleFriends.Add(address);
        }

        for (var i = 0; i < 40; i++)
        {
            var address = $"active{i}@company.example";
            mail.Thread(address, Now.AddDays(-random.Next(300, 600)), 20, TimeSpan.FromDays(random.Next(10, 25)));
            mail.Thread(address, Now.AddDays(-random.Next(5, 80)), 1, TimeSpan.FromDays(1));
        }

        for (var i = 0; i < 150; i++)
        {
            // Everyone on a big list: the user and they reply-all in 40-person threads.
            var address = $"colleague{i}@bigcorp.example";
            mail.Thread(address, Now.AddDays(-random.Next(400, 2000)), random.Next(1, 6), TimeSpan.FromDays(3), groupSize: random.Next(15, 60));
        }

        for (var i = 0; i < 60; i++)
        {
            var address = $"poster{i}@lists.example";
            for (var k = 0; k < random.Next(3, 30); k++)
            {
                mail.Received(address, Now.AddDays(-random.Next(400, 2000)), groupSize: 1, bulk: BulkSignals.ListId);
            }
        }

        for (var i = 0; i < 30; i++)
        {
            var address = i % 2 == 0 ? $"newsletter@brand{i}.example" : $"no-reply@service{i}.example";
            for (var k = 0; k < random.Next(1, 50); k++)
            {
                mail.Received(address, Now.AddDays(-random.Next(400, 2000)), bulk: i % 4 == 0 ? BulkSignals.None : BulkSignals.ListUnsubscribe);
            }
        }

        for (var i = 0; i < 100; i++)
        {
            // Met once, wrote to them, never a reply; and strangers who wrote once, never answered.
            mail.Sent($"metonce{i}@conf.example", Now.AddDays(-random.Next(400, 2000)));
            mail.Received($"stranger{i}@web.example", Now.AddDays(-random.Next(400, 2000)));
        }

        // Namesakes: a stale friend John Smith at one company, a one-way John Smith at another.
        mail.Named("john.smith@fabrikam.example", "John Smith").Thread("john.smith@fabrikam.example", Now.AddDays(-900), 6, TimeSpan.FromDays(20));
        staleFriends.Add("john.smith@fabrikam.example");
        mail.Named("john.smith@contoso.example", "John Smith").Received("john.smith@contoso.example", Now.AddDays(-500)).Received("john.smith@contoso.example", Now.AddDays(-450));

        var people = mail.People();
        var top = SuggestionRanker.Rank(people, Now, SuggestionSettings.Default, SuggestionFeedback.None, 50);

        bool IsStaleFriend(Suggestion s) => s.Addresses.Any(staleFriends.Contains);
        var precision = top.Take(20).Count(IsStaleFriend) / 20.0;
        var recall = staleFriends.Count(f => top.Any(s => s.Addresses.Contains(f))) / (double)staleFriends.Count;
        Assert.True(precision >= 0.95, $"precision@20 {precision:F2}");
        Assert.True(recall >= 0.9, $"recall@50 {recall:F2}");
        Assert.DoesNotContain(top, s => s.Addresses.Contains("john.smith@contoso.example"));
    }

    private static string Letters(int i) => new([(char)('a' + i % 26), (char)('a' + i / 26)]);
}
