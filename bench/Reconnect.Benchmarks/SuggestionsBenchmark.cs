namespace Reconnect.Benchmarks;

internal static class SuggestionsBenchmark
{
    public static int Run(Arguments arguments)
    {
        Console.Error.WriteLine("suggestions: not wired yet");
        return 1;
    }
}
