using System.Diagnostics;
using Reconnect.EndToEnd.Tests.Support;

namespace Reconnect.EndToEnd.Tests.Manifests;

/// <summary>
/// Both Outlook manifests, generated for a sideloading and a production origin, validate offline:
/// the unified JSON manifest against the schema bundled in @microsoft/app-manifest, the XML one by
/// parsing, checking what Reconnect needs, and converting with office-addin-manifest-converter.
/// The checks are ClientApp/scripts/validate-manifests.mjs; node_modules comes from the API's build.
/// </summary>
public sealed class ManifestTests
{
    [Fact]
    public async Task BothManifestsValidateForASideloadingAndAProductionOrigin()
    {
        var (exitCode, output) = await RunNodeAsync("scripts/validate-manifests.mjs");

        Assert.True(exitCode == 0, "validate-manifests.mjs failed:\n" + output);
        Assert.Contains("ok   unified manifest for https://localhost:7145", output);
        Assert.Contains("ok   XML manifest for https://reconnect.contoso.example, converted", output);
    }

    [Fact]
    public async Task TheGeneratorWritesManifestsForTheGivenOriginWithNothingHardCoded()
    {
        var output = Directory.CreateTempSubdirectory("reconnect-manifest-").FullName;
        try
        {
            var (exitCode, log) = await RunNodeAsync("scripts/generate-manifests.mjs", "--origin", "https://addin.fabrikam.example:8443",
                "--client-id", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "--out", output);

            Assert.True(exitCode == 0, log);
            var xml = await File.ReadAllTextAsync(Path.Combine(output, "manifest.xml"));
            var json = await File.ReadAllTextAsync(Path.Combine(output, "unified", "manifest.json"));
            foreach (var manifest in new[] { xml, json })
            {
                Assert.Contains("https://addin.fabrikam.example:8443/taskpane.html", manifest);
                Assert.Contains("api://addin.fabrikam.example:8443/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", manifest);
                Assert.DoesNotContain("{{", manifest);
                Assert.DoesNotContain("localhost", manifest);
            }

            Assert.True(new FileInfo(Path.Combine(output, "reconnect-app.zip")).Length > 0);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.ClientApp,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
