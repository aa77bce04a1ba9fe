namespace Reconnect.Api.Tests.Support;

/// <summary>Where test fixtures are: the repo's own, copied beside the tests, and the opt-in shared ones.</summary>
public static class FixturePaths
{
    public static string Sample => Path.Combine(AppContext.BaseDirectory, "fixtures", "sample-mailbox");

    /// <summary>
    /// The Enron williams-w3 mailbox: public research data that is never committed to this repo.
    /// Found at RECONNECT_SHARED (or ../shared beside the clone, as CI lays it out); tests that
    /// need it are skipped on a clone without it, and fail instead when RECONNECT_REQUIRE_SHARED=1.
    /// </summary>
    public static string? Enron => SharedFolder("enron-williams-w3");

    public static string RequireEnron()
    {
        var path = Enron;
        if (path is null && Environment.GetEnvironmentVariable("RECONNECT_REQUIRE_SHARED") == "1")
        {
            throw new InvalidOperationException("RECONNECT_REQUIRE_SHARED=1 but ../shared/enron-williams-w3 was not found; set RECONNECT_SHARED to the shared folder.");
        }

        Skip.If(path is null, "The shared Enron fixture is not beside this clone (../shared/enron-williams-w3); set RECONNECT_SHARED to run this test.");
        return path!;
    }

    private static string? SharedFolder(string name)
    {
        var shared = Environment.GetEnvironmentVariable("RECONNECT_SHARED");
        if (string.IsNullOrEmpty(shared))
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Reconnect.sln")))
            {
                root = root.Parent;
            }

            shared = root?.Parent is { } parent ? Path.Combine(parent.FullName, "shared") : null;
        }

        var path = shared is null ? null : Path.Combine(shared, name);
        return path is not null && Directory.Exists(path) ? path : null;
    }
}
