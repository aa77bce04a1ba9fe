using System.Net;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Reconnect.Api.Demo;
using Reconnect.Api.Identity;

namespace Reconnect.Api.TaskPane;

/// <summary>
/// Serves the Outlook task pane from wwwroot. The page itself goes through an endpoint, not the
/// static file middleware, because its Office.js URL and sign-in settings depend on the environment
/// and are written into it on the way out.
/// </summary>
internal static class TaskPaneExtensions
{
    private const string PagePath = "taskpane.html";

    public static IHostApplicationBuilder AddTaskPane(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<TaskPaneOptions>()
            .BindConfiguration(TaskPaneOptions.SectionName)
            .PostConfigure(options =>
            {
                options.OfficeJsUrl ??= isDevelopment ? TaskPaneOptions.LocalOfficeJsUrl : TaskPaneOptions.CdnOfficeJsUrl;
                options.Demo = configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>()?.Enabled == true;
                options.ClientId ??= configuration[$"{AzureAdSettings.SectionName}:ClientId"];
                var tenant = configuration[$"{AzureAdSettings.SectionName}:TenantId"] ?? "organizations";
                var instance = (configuration[$"{AzureAdSettings.SectionName}:Instance"] ?? "https://login.microsoftonline.com/").TrimEnd('/');
                options.Authority ??= $"{instance}/{tenant}";
                // The API's application id URI (Office's SSO form api://{host}/{clientId}), as the identity code reads it.
                var audience = configuration[$"{AzureAdSettings.SectionName}:AppIdUri"]
                    ?? (options.ClientId is null ? null : $"api://{options.ClientId}");
                options.ApiScope ??= audience is null ? null : $"{audience.TrimEnd('/')}/{IdentityExtensions.ApiScope}";
            });
        return builder;
    }

    /// <summary>Maps the pane's page (<c>/</c> and <c>/taskpane.html</c>) and its static files.</summary>
    public static WebApplication MapTaskPane(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            // Office.js from npm in Development and tests; production loads Microsoft's CDN copy.
            var officeJs = Path.Combine(app.Environment.ContentRootPath, "ClientApp", "node_modules", "@microsoft", "office-js", "dist");
            if (Directory.Exists(officeJs))
            {
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(officeJs), RequestPath = "/lib/office-js" });
            }
        }

        app.MapGet("/", () => TypedResults.Redirect("/" + PagePath)).ExcludeFromDescription();
        app.MapGet("/" + PagePath, RenderPage).ExcludeFromDescription();
        app.UseStaticFiles();
        return app;
    }

    private static IResult RenderPage(IWebHostEnvironment environment, IOptions<TaskPaneOptions> options)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(PagePath);
        if (!file.Exists)
        {
            return TypedResults.NotFound();
        }

        using var reader = new StreamReader(file.CreateReadStream());
        var settings = options.Value;
        var html = reader.ReadToEnd()
            .Replace("%OFFICE_JS_URL%", Attribute(settings.OfficeJsUrl), StringComparison.Ordinal)
            .Replace("%DEMO%", settings.Demo ? "true" : "false", StringComparison.Ordinal)
            .Replace("%CLIENT_ID%", Attribute(settings.ClientId), StringComparison.Ordinal)
            .Replace("%API_SCOPE%", Attribute(settings.ApiScope), StringComparison.Ordinal)
            .Replace("%AUTHORITY%", Attribute(settings.Authority), StringComparison.Ordinal);
        return TypedResults.Text(html, "text/html; charset=utf-8");
    }

    private static string Attribute(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);
}
