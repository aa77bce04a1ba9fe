namespace Reconnect.Benchmarks;

internal static class DraftsBenchmark
{
    public static int Run(Arguments arguments)
    {
        Console.Error.WriteLine("drafts: not wired yet");
        return 1;
    }
}
