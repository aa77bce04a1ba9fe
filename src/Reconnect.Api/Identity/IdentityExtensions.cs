using Microsoft.Identity.Web;
using Microsoft.AspNetCore.Authorization;

namespace Reconnect.Api.Identity;

internal static class IdentityExtensions
{
    /// <summary>The policy every /api endpoint requires: a user with tid and oid, holding the API's scope.</summary>
    public const string ApiUserPolicy = "ApiUser";

    public const string ApiScope = "access_as_user";

    public static IHostApplicationBuilder AddIdentity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<MailboxDirectory>();
        builder.Services.AddScoped<CurrentUser>();

        var authentication = builder.Services.AddAuthentication();
        if (!builder.AddDemoSignIn(authentication))
        {
            // Microsoft Entra ID access tokens for the API, validated by Microsoft.Identity.Web ("AzureAd" section).
            authentication.AddMicrosoftIdentityWebApi(builder.Configuration.GetSection(AzureAdSettings.SectionName));
            builder.Services.AddOptions<AzureAdSettings>()
                .BindConfiguration(AzureAdSettings.SectionName)
                .ValidateDataAnnotations()
                .ValidateOnStart();
        }

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiUserPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => UserIdentity.FromPrincipal(context.User) is not null)
                .RequireAssertion(context => HasScope(context, ApiScope)));
        return builder;
    }

    private static bool HasScope(AuthorizationHandlerContext context, string scope) =>
        context.User.FindAll("scp").Concat(context.User.FindAll("http://schemas.microsoft.com/identity/claims/scope"))
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);
}
