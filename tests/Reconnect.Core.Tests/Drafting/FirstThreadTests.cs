using Reconnect.Core.Drafting;

namespace Reconnect.Core.Tests.Drafting;

public sealed class FirstThreadTests
{
    [Theory]
    [InlineData("Great meeting you at DevSummit", "DevSummit")]
    [InlineData("RE: Great meeting you at DevSummit!", "DevSummit")]
    [InlineData("Fwd: RE: FW: Nice to meet you at NDC Oslo", "NDC Oslo")]
    [InlineData("[External] Re: Lovely chatting with you at DevSummit 2024 - slides", "DevSummit 2024")]
    [InlineData("Good to see you at Build yesterday", "Build")]
    [InlineData("We met at the Contoso offsite", "the Contoso offsite")]
    [InlineData("Following up from KubeCon: next steps", "KubeCon")]
    [InlineData("Follow-up from Web Summit", "Web Summit")]
    [InlineData("AW: Our chat at re:Invent", "re:Invent")]
    public void FromSubject_SubjectNamesAnEvent_ReturnsIt(string subject, string expected) =>
        Assert.Equal(expected, FirstThread.FromSubject(subject).MetAt);

    [Theory]
    [InlineData("Invoice 3342")]
    [InlineData("Invoice from Contoso")]
    [InlineData("Quick question")]
    [InlineData("Meeting at 3pm")]
    [InlineData("Great meeting you at lunch")]
    [InlineData("Nice meeting you at the office")]
    [InlineData("Follow up from our call")]
    [InlineData("Great to meet you at my place")]
    [InlineData("Nice meeting you at 10am")]
    [InlineData("Great meeting you at a conference in Berlin last spring where we talked for hours about testing")]
    [InlineData("Met at <script>alert(1)</script>")]
    [InlineData("RE:")]
    [InlineData("")]
    [InlineData(null)]
    public void FromSubject_NoClearEvent_ReturnsNoMeetingPlace(string? subject) =>
        Assert.Null(FirstThread.FromSubject(subject).MetAt);

    [Theory]
    [InlineData("RE: FW: Invoice 3342", "Invoice 3342")]
    [InlineData("Re[2]: Kubernetes   migration plan", "Kubernetes migration plan")]
    [InlineData("RE: ", null)]
    public void FromSubject_AnySubject_KeepsTheTopicWithoutPrefixes(string subject, string? expected) =>
        Assert.Equal(expected, FirstThread.FromSubject(subject).Topic);
}
