using System.Diagnostics;
using Reconnect.Core.Drafting;
using static Reconnect.Core.Tests.Drafting.DraftFixtures;

namespace Reconnect.Core.Tests.Drafting;

public sealed class DraftComposerTests
{
    [Fact]
    public void Compose_Recipient_IsTheCleanedNameAndTheGivenAddress()
    {
        var draft = new DraftComposer().Compose(Crystal(), Spec("own-the-gap", "warm"));
        Assert.Equal(new DraftAddress("Crystal Cory", "crystal.cory@fabrikam.example"), draft.To);
        Assert.Equal((DraftingStrategy.OwnTheGap, Tone.Warm), (draft.Strategy, draft.Tone));
    }

    [Fact]
    public void Compose_RecipientWithoutName_IsAddressedByAddress()
    {
        var context = Crystal() with { Recipient = new DraftRecipient(null, "crystal.cory@fabrikam.example") };
        var draft = new DraftComposer().Compose(context, Spec("own-the-gap", "warm"));
        Assert.Equal("crystal.cory@fabrikam.example", draft.To.Name);
        Assert.StartsWith("Hi Crystal,", draft.TextBody); // first name from the address
    }

    [Fact]
    public void Compose_ShortLinkTitle_GoesInTheSubjectAndLongOneDoesNot()
    {
        var composer = new DraftComposer();
        var shortTitle = composer.Compose(Crystal(), Spec("share-something-relevant", "warm", ("link", "https://example.com"), ("linkTitle", "Short")));
        var longTitle = composer.Compose(Crystal(), Spec("share-something-relevant", "warm", ("link", "https://example.com"), ("linkTitle", new string('t', 61))));
        Assert.Equal("Thought of you: Short", shortTitle.Subject);
        Assert.Equal("Saw this and thought of you", longTitle.Subject);
    }

    [Fact]
    public void Compose_MultilineInput_KeepsItsLineBreaksAsBr()
    {
        var draft = new DraftComposer().Compose(Crystal(), Spec("own-the-gap", "warm", ("userNews", "New job.\nNew city")));
        Assert.Contains("Quick news from my side: New job.\nNew city.", draft.TextBody);
        Assert.Contains("<p>Quick news from my side: New job.<br>New city.</p>", draft.HtmlBody);
    }
}
