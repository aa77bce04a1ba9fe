using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Reconnect.Api.Extensions;

/// <summary>
/// Bad input is the caller's mistake, never a 500: bodies over the limit are a 413, and values the
/// framework cannot bind (<c>?take=abc</c>, which Development throws as
/// <see cref="BadHttpRequestException"/>) are a 400 ProblemDetails naming the parameter.
/// Bound from <c>{ "RequestLimits": { "MaxBodyBytes": 262144 } }</c>.
/// </summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "RequestLimits";

    /// <summary>Largest request body accepted; the API's bodies are small JSON documents.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 256 * 1024;
}

internal static class RequestLimits
{
    public static IHostApplicationBuilder AddRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLimitsOptions>()
            .BindConfiguration(RequestLimitsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // A startup filter puts the size check in front of the whole pipeline without a line in Program.cs.
        builder.Services.AddTransient<IStartupFilter, BodySizeStartupFilter>();
        return builder;
    }

    private sealed class BodySizeStartupFilter(IOptions<RequestLimitsOptions> options) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                var limit = options.Value.MaxBodyBytes;
                if (context.Request.ContentLength > limit)
                {
                    await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
                        $"Request bodies are limited to {limit} bytes.");
                    return;
                }

                // A chunked body has no length up front: the server stops reading it at the limit.
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = limit;
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }

    private sealed class BadRequestExceptionHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }

            // The framework's message names the parameter and the value, and nothing of the server.
            await WriteProblemAsync(httpContext, bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The request body is too large." : "The request is not valid.", bad.Message);
            return true;
        }
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
