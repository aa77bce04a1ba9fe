namespace Reconnect.EndToEnd.Tests.Support;

/// <summary>Folders of the clone the tests run in.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Where the tests write screenshots: TestResults/screenshots at the repo root (gitignored).</summary>
    public static string Screenshots => Path.Combine(Root, "TestResults", "screenshots");

    /// <summary>The task pane's npm project (package.json, node_modules, scripts).</summary>
    public static string ClientApp => Path.Combine(Root, "src", "Reconnect.Api", "ClientApp");

    public static string Manifests => Path.Combine(Root, "manifest");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Reconnect.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Reconnect.sln was not found above " + AppContext.BaseDirectory);
    }
}
