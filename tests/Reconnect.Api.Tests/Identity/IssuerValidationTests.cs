using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Reconnect.Api.Identity;
using Reconnect.Api.Tests.Support;

namespace Reconnect.Api.Tests.Identity;

/// <summary>Which tenants get in, for each kind of registration.</summary>
public sealed class IssuerValidationTests
{
    [Theory]
    // Single tenant: that tenant only.
    [InlineData(TestTokens.HomeTenant, TestTokens.HomeTenant, HttpStatusCode.OK)]
    [InlineData(TestTokens.HomeTenant, TestTokens.OtherTenant, HttpStatusCode.Unauthorized)]
    [InlineData(TestTokens.HomeTenant, TestTokens.ConsumersTenant, HttpStatusCode.Unauthorized)]
    // organizations: any work or school tenant, no personal accounts.
    [InlineData("organizations", TestTokens.HomeTenant, HttpStatusCode.OK)]
    [InlineData("organizations", TestTokens.OtherTenant, HttpStatusCode.OK)]
    [InlineData("organizations", TestTokens.ConsumersTenant, HttpStatusCode.Unauthorized)]
    // common: any tenant, personal accounts included.
    [InlineData("common", TestTokens.OtherTenant, HttpStatusCode.OK)]
    [InlineData("common", TestTokens.ConsumersTenant, HttpStatusCode.OK)]
    // consumers: personal accounts only.
    [InlineData("consumers", TestTokens.ConsumersTenant, HttpStatusCode.OK)]
    [InlineData("consumers", TestTokens.HomeTenant, HttpStatusCode.Unauthorized)]
    public async Task TheRegistrationsAudienceDecidesWhichTenantsGetIn(string configuredTenant, string tokenTenant, HttpStatusCode expected)
    {
        await using var app = new SignedInApplication(tenantId: configuredTenant);

        var response = await app.ClientWith(new TokenSpec { TenantId = tokenTenant }.Sign()).GetAsync("/api/correspondents");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("organizations")]
    [InlineData("common")]
    public async Task AMultiTenantAppStillWantsTheIssuerOfTheTokensOwnTenant(string configuredTenant)
    {
        await using var app = new SignedInApplication(tenantId: configuredTenant);

        var spoofed = new TokenSpec { TenantId = TestTokens.OtherTenant, Issuer = TestTokens.IssuerOf(TestTokens.HomeTenant) }.Sign();
        var response = await app.ClientWith(spoofed).GetAsync("/api/correspondents");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AllowedTenantsNarrowAMultiTenantApp()
    {
        await using var app = new SignedInApplication(tenantId: "organizations", settings: new Dictionary<string, string?>
        {
            ["AzureAd:AllowedTenants:0"] = TestTokens.HomeTenant,
        });

        Assert.Equal(HttpStatusCode.OK, (await app.ClientWith(new TokenSpec { TenantId = TestTokens.HomeTenant }.Sign()).GetAsync("/api/correspondents")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientWith(new TokenSpec { TenantId = TestTokens.OtherTenant }.Sign()).GetAsync("/api/correspondents")).StatusCode);
    }

    [Fact]
    public async Task ATenantNamedByDomainIsRefusedAtStartUp()
    {
        await using var app = new SignedInApplication(tenantId: "contoso.onmicrosoft.com");

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("AzureAd:TenantId", error.ToString());
    }

    [Fact]
    public async Task WithoutTheDemoThereIsNoDemoSignIn()
    {
        await using var app = new SignedInApplication();

        var schemes = await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync();

        Assert.DoesNotContain(schemes, s => s.Name == DemoAuthentication.SchemeName);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientWith(null).GetAsync("/api/sync")).StatusCode);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task TheDemoIsRefusedOutsideDevelopmentEvenWithAnAppRegistration(string environment)
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample, environment: environment, settings: new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = TestTokens.Instance,
            ["AzureAd:TenantId"] = TestTokens.HomeTenant,
            ["AzureAd:ClientId"] = TestTokens.ClientId,
        });

        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());
        Assert.Contains("only in Development", error.Message);
    }
}
