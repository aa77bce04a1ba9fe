using Reconnect.GraphSimulator.Generation;

namespace Reconnect.GraphSimulator.Tests.Generation;

public sealed class CorrespondenceTruthTests
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "fixtures", "sample-mailbox");

    [Fact]
    public void Compute_SampleMailbox_ReproducesHandMadeAnswer()
    {
        var writer = new StringWriter();
        CorrespondenceTruth.WriteCsv(CorrespondenceTruth.Compute(Sample), writer);

        var expected = File.ReadAllText(Path.Combine(Sample, "expected-correspondents.csv")).Replace("\r\n", "\n").TrimEnd('\n');
        Assert.Equal(expected, writer.ToString().TrimEnd('\n'));
    }

    [Fact]
    public void Compute_SampleMailboxWithoutChanges_SameWithApplyChanges()
    {
        Assert.Equal(CorrespondenceTruth.Compute(Sample), CorrespondenceTruth.Compute(Sample, applyChanges: true));
    }

    [Theory]
    [InlineData("  <OLA@fjord.example> ", "ola@fjord.example")]
    [InlineData("\"Sam.Patel@Contoso.example\"", "sam.patel@contoso.example")]
    [InlineData("mailto:x@y.example", "x@y.example")]
    [InlineData("MAILTO:X@Y.example", "x@y.example")]
    [InlineData("<mailto:x@y.example>", "x@y.example")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Normalize_MessyForms_GiveCanonicalAddress(string? raw, string? expected)
    {
        Assert.Equal(expected, CorrespondenceTruth.Normalize(raw));
    }

    [Theory]
    [InlineData("a@b.example", true)]
    [InlineData("/o=exchangelabs/ou=exchange administrative group (fydibohf23spdlt)/cn=recipients/cn=abc", false)]
    [InlineData("imceaex-_o=exchangelabs_cn=abc@namprd04.prod.outlook.example", false)]
    [InlineData("imceanotes-user_acme@namprd04.prod.outlook.example", false)]
    [InlineData("undisclosed-recipients:;", false)]
    [InlineData("scanner", false)]
    [InlineData("a@@b", false)]
    [InlineData("", false)]
    public void IsUsableSmtp_Examples(string address, bool usable)
    {
        Assert.Equal(usable, CorrespondenceTruth.IsUsableSmtp(address));
    }

    [Theory]
    [InlineData("noreply@x.example", true)]
    [InlineData("no-reply@x.example", true)]
    [InlineData("do-not-reply@x.example", true)]
    [InlineData("no_reply@x.example", true)]
    [InlineData("noreply-orders@x.example", true)]
    [InlineData("mailer-daemon@x.example", true)]
    [InlineData("notifications@x.example", true)]
    [InlineData("support@x.example", false)]
    [InlineData("nora@x.example", false)]
    public void HasNoReplyLocalPart_Examples(string address, bool expected)
    {
        Assert.Equal(expected, CorrespondenceTruth.HasNoReplyLocalPart(address));
    }
}
