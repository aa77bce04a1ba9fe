using Microsoft.Playwright;

namespace Reconnect.EndToEnd.Tests.Support;

/// <summary>
/// One headless Debian Chromium (<c>/usr/bin/chromium</c>, installed by .ci/run with apt) for the
/// whole test run, driven by Playwright's .NET driver. Playwright never downloads a browser here.
/// Without Chromium the browser tests are skipped on a developer's machine and fail under CI.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("RECONNECT_CHROMIUM") ?? ExecutablePath;
        if (!File.Exists(executable))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException($"Chromium was not found at {executable}: .ci/run installs it with `apt-get install -y chromium`.");
            }

            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>The browser, or a skipped test when this machine has no Chromium.</summary>
    public IBrowser Require()
    {
        Skip.If(Browser is null, $"No Chromium at {ExecutablePath}: install it with `apt-get install -y chromium` to run the browser tests.");
        return Browser!;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Browser";
}
