using Reconnect.Benchmarks;

// dotnet run -c Release --project bench/Reconnect.Benchmarks -- <command> [options]; see docs/benchmarks.md.
return args.FirstOrDefault() switch
{
    "sync" => await SyncBenchmark.RunAsync(Arguments.Parse(args[1..])),
    "serve" => await SimulatorProcess.ServeAsync(args[1],
        args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1),
    "suggestions" => SuggestionsBenchmark.Run(Arguments.Parse(args[1..])),
    "drafts" => DraftsBenchmark.Run(Arguments.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Reconnect.Benchmarks <command> [--name value ...]
          sync         [--messages 100000] [--seed 7] [--changes 0.01] [--page-size 1000] [--throttle 0.1] [--retry-after 1]
          suggestions  [--correspondents 10000] [--requests 2000]
          drafts       [--drafts 20000]
        """);
    return 2;
}
