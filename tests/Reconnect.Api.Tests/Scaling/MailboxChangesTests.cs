using Microsoft.Extensions.Logging.Abstractions;
using Reconnect.Api.Infrastructure;

namespace Reconnect.Api.Tests.Scaling;

/// <summary>When a mailbox's state read from the database may still be served from memory.</summary>
public sealed class MailboxChangesTests
{
    [Fact]
    public void AReadingStaysCurrentUntilItsMailboxChangesAfterItWasTaken()
    {
        var changes = new MailboxChanges(everyChangeIsLocal: true, NullLogger<MailboxChanges>.Instance);
        changes.Heard(1);
        var stamp = changes.Now();

        Assert.True(changes.UnchangedSince(1, stamp), "a change heard before the read began is in the reading");
        changes.Heard(2);
        Assert.True(changes.UnchangedSince(1, stamp), "another mailbox's change does not touch this one");
        Assert.False(changes.UnchangedSince(2, stamp));
        changes.Heard(1);
        Assert.False(changes.UnchangedSince(1, stamp), "a change heard while (or after) the read ran may be missing from it");
        Assert.True(changes.UnchangedSince(1, changes.Now()));
    }

    [Fact]
    public void NothingIsTrustedWhileNotificationsCannotBeHeardNorAfterwardsIfReadBefore()
    {
        var changes = new MailboxChanges(everyChangeIsLocal: false, NullLogger<MailboxChanges>.Instance);
        var early = changes.Now();
        Assert.False(changes.UnchangedSince(1, early), "another instance may change anything before this one listens");

        changes.StartedListening();
        var stamp = changes.Now();
        Assert.False(changes.UnchangedSince(1, early));
        Assert.True(changes.UnchangedSince(1, stamp));

        changes.StoppedListening();
        Assert.False(changes.UnchangedSince(1, stamp));
        changes.StartedListening();
        Assert.False(changes.UnchangedSince(1, stamp), "what changed while the listener was away was never heard");
        Assert.True(changes.UnchangedSince(1, changes.Now()));
    }

    [Fact]
    public void AnUnreadableNotificationOrAFullRecordCountsAsEverythingChanged()
    {
        var changes = new MailboxChanges(everyChangeIsLocal: true, NullLogger<MailboxChanges>.Instance);
        var stamp = changes.Now();
        changes.HeardEverything();
        Assert.False(changes.UnchangedSince(7, stamp));

        stamp = changes.Now();
        for (var mailbox = 0; mailbox < 60_000; mailbox++)
        {
            changes.Heard(100_000 + mailbox);
        }

        Assert.False(changes.UnchangedSince(7, stamp), "forgetting old changes must not make an old reading current");
        Assert.True(changes.UnchangedSince(7, changes.Now()));
    }
}
