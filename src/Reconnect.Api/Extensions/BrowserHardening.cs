using Microsoft.Net.Http.Headers;

namespace Reconnect.Api.Extensions;

/// <summary>
/// What a browser is allowed to do with Reconnect. Bound from the "BrowserHardening" section:
/// <code>{ "BrowserHardening": { "AllowedOrigins": ["https://addin.contoso.com"] } }</code>
/// Lists left empty use the defaults below (configuration binding appends to arrays, so defaults
/// cannot live in the arrays themselves).
/// </summary>
public sealed class BrowserHardeningOptions
{
    public const string SectionName = "BrowserHardening";

    /// <summary>
    /// Outlook hosts that frame the task pane: Outlook on the web (work and personal), the new
    /// Outlook for Windows (which is Outlook on the web) and Office on the web. Classic Outlook and
    /// Outlook for Mac host the pane in a webview, not a frame, and are not concerned.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultFrameAncestors =
    [
        "https://outlook.office.com",
        "https://outlook.office365.com",
        "https://outlook.cloud.microsoft",
        "https://outlook.live.com",
        "https://*.office.com",
        "https://*.officeapps.live.com",
    ];

    /// <summary>Office.js and its host scripts come from this CDN only.</summary>
    public static readonly IReadOnlyList<string> DefaultScriptOrigins = ["https://appsforoffice.microsoft.com"];

    /// <summary>MSAL's fallback sign-in (when nested app authentication is unavailable) talks to Entra ID here.</summary>
    public static readonly IReadOnlyList<string> DefaultLoginOrigins = ["https://login.microsoftonline.com"];

    /// <summary>Origins other than the API's own that may call /api from a browser (CORS). The pane served by this app needs none.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public string[] FrameAncestors { get; set; } = [];

    public string[] ScriptOrigins { get; set; } = [];

    /// <summary>Sovereign clouds: e.g. https://login.microsoftonline.us.</summary>
    public string[] LoginOrigins { get; set; } = [];

    /// <summary>The pane's Content-Security-Policy.</summary>
    public string PaneContentSecurityPolicy()
    {
        var scripts = string.Join(' ', Or(ScriptOrigins, DefaultScriptOrigins));
        var login = string.Join(' ', Or(LoginOrigins, DefaultLoginOrigins));
        var ancestors = string.Join(' ', Or(FrameAncestors, DefaultFrameAncestors));
        return string.Join("; ",
            "default-src 'self'",
            $"script-src 'self' {scripts}",
            // Office.js and Fluent set inline styles; styles cannot run code.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            $"connect-src 'self' {login}",
            $"frame-src {login}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            $"frame-ancestors 'self' {ancestors}");
    }

    private static IEnumerable<string> Or(string[] configured, IReadOnlyList<string> defaults) =>
        configured.Length > 0 ? configured : defaults;
}

/// <summary>
/// Browser-facing hardening: HTTPS and HSTS outside Development, CORS for the configured add-in
/// origins only, and security headers (a CSP that lets Office.js in and nothing else on the pane;
/// no sniffing, no referrer and no caching of personal data on the API).
/// </summary>
internal static class BrowserHardening
{
    public const string CorsPolicy = "AddIn";

    /// <summary>The strictest CSP: API responses are data, never a document to render or frame.</summary>
    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static IHostApplicationBuilder AddBrowserHardening(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BrowserHardeningOptions>().BindConfiguration(BrowserHardeningOptions.SectionName);
        var options = builder.Configuration.GetSection(BrowserHardeningOptions.SectionName).Get<BrowserHardeningOptions>() ?? new();

        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(options.AllowedOrigins)
            .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)
            .WithHeaders(HeaderNames.Authorization, HeaderNames.ContentType, HeaderNames.Accept)
            // The pane acts on these: consent challenges and rate-limit waits.
            .WithExposedHeaders(HeaderNames.WWWAuthenticate, HeaderNames.RetryAfter)
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));

        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = false;
        });
        return builder;
    }

    public static WebApplication UseBrowserHardening(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        var paneCsp = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BrowserHardeningOptions>>().Value.PaneContentSecurityPolicy();
        var development = app.Environment.IsDevelopment();
        app.Use((context, next) =>
        {
            var request = context.Request;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (request.Path.StartsWithSegments("/api"))
                {
                    headers.ContentSecurityPolicy = ApiContentSecurityPolicy;
                    if (!headers.ContainsKey(HeaderNames.CacheControl))
                    {
                        headers.CacheControl = "no-store";
                    }
                }
                else if (!(development && (request.Path.StartsWithSegments("/scalar") || request.Path.StartsWithSegments("/openapi"))))
                {
                    // The API reference UI (Development only) runs inline scripts; everything else is the pane.
                    headers.ContentSecurityPolicy = paneCsp;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

        app.UseCors(CorsPolicy);
        return app;
    }
}
