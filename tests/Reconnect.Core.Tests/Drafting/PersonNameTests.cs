using Reconnect.Core.Drafting;

namespace Reconnect.Core.Tests.Drafting;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("Cory, Crystal", null, "Crystal")]
    [InlineData("Crystal Cory (Fabrikam)", null, "Crystal")]
    [InlineData("Crystal Cory [External]", null, "Crystal")]
    [InlineData("Crystal Cory - Fabrikam", null, "Crystal")]
    [InlineData(null, "crystal.cory@fabrikam.example", "Crystal")]
    [InlineData("crystal.cory@fabrikam.example", "crystal.cory@fabrikam.example", "Crystal")]
    [InlineData("crystal.cory", "crystal.cory@fabrikam.example", "Crystal")]
    [InlineData(null, "crystal_cory+news@fabrikam.example", "Crystal")]
    [InlineData(null, "<mailto:Crystal.Cory@fabrikam.example>", "Crystal")]
    [InlineData("CRYSTAL CORY", null, "Crystal")]
    [InlineData("CORY, CRYSTAL", null, "Crystal")]
    [InlineData("crystal cory", null, "Crystal")]
    [InlineData("Dr. Crystal Cory", null, "Crystal")]
    [InlineData("Prof Crystal Cory", null, "Crystal")]
    [InlineData("Cory, Dr. Crystal", null, "Crystal")]
    [InlineData("Crystal Cory, PhD", null, "Crystal")]
    [InlineData("'Crystal Cory'", null, "Crystal")]
    [InlineData("\"Cory, Crystal\"", null, "Crystal")]
    [InlineData("“Crystal Cory”", null, "Crystal")]
    [InlineData("Cher", null, "Cher")]
    [InlineData("CHER", null, "Cher")]
    [InlineData("Anne-Marie Dupont", null, "Anne-Marie")]
    [InlineData("ANNE-MARIE DUPONT", null, "Anne-Marie")]
    [InlineData("O'Neil, Siobhan", null, "Siobhan")]
    [InlineData("O'NEIL", null, "O'Neil")]
    [InlineData("McDonald", null, "McDonald")]
    [InlineData("DeShawn Jones", null, "DeShawn")]
    [InlineData("van der Berg, Anna", null, "Anna")]
    [InlineData("José Álvarez", null, "José")]
    [InlineData("J. Crystal Cory", null, "Crystal")]
    [InlineData("  Crystal   Cory  ", null, "Crystal")]
    [InlineData("Crystal Cory <crystal.cory@fabrikam.example>", null, "Crystal")]
    public void FirstNameOf_TrickyDisplayNames_ReturnsTheNameToGreet(string? displayName, string? address, string expected) =>
        Assert.Equal(expected, PersonName.FirstNameOf(displayName, address));

    [Theory]
    [InlineData("info", "info@fabrikam.example")]
    [InlineData(null, "info@fabrikam.example")]
    [InlineData(null, "noreply@fabrikam.example")]
    [InlineData(null, "no-reply@fabrikam.example")]
    [InlineData("Fabrikam Support", "support@fabrikam.example")]
    [InlineData("Sales Team", null)]
    [InlineData("NOREPLY", null)]
    [InlineData(null, "ccory@fabrikam.example")] // an initial and a surname, or a first name: can't tell
    [InlineData(null, "c.cory@fabrikam.example")]
    [InlineData("J. Cory", null)]
    [InlineData("R2D2", null)]
    [InlineData("12345", null)]
    [InlineData("", "")]
    [InlineData(null, null)]
    [InlineData("   ", null)]
    [InlineData("<script>alert(1)</script>", null)]
    [InlineData("{{ 7 * 7 }}", null)]
    [InlineData("\"><img src=x onerror=alert(1)>", null)]
    public void FirstNameOf_RolesAndDoubtfulNames_ReturnsNullForANeutralGreeting(string? displayName, string? address) =>
        Assert.Null(PersonName.FirstNameOf(displayName, address));

    [Theory]
    [InlineData("Cory, Crystal", "Crystal Cory")]
    [InlineData("Crystal Cory (Fabrikam)", "Crystal Cory")]
    [InlineData("CORY, CRYSTAL", "Crystal Cory")]
    [InlineData("Anna van der Berg", "Anna van der Berg")]
    [InlineData("Dr. Crystal Cory", "Crystal Cory")]
    [InlineData("crystal.cory@fabrikam.example", null)]
    [InlineData("<script>", null)]
    public void FullNameOf_DisplayName_ReturnsNameAsAPersonWritesIt(string displayName, string? expected) =>
        Assert.Equal(expected, PersonName.FullNameOf(displayName));
}
