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
    "load" => await LoadBenchmark.RunAsync(Arguments.Parse(args[1..])),
    "load-serve" => await LoadServer.ServeAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Reconnect.Benchmarks <command> [--name value ...]
          sync         [--messages 100000] [--seed 7] [--changes 0.01] [--page-size 1000] [--throttle 0.1] [--retry-after 1]
                       [--provider Sqlite|PostgreSQL] [--connection "Host=..."] [--concurrent 4]
          suggestions  [--correspondents 10000] [--requests 2000]
          drafts       [--drafts 20000]
          load         [--provider Sqlite|PostgreSQL] [--connection "Host=..."] [--users 1000] [--correspondents 2000]
                       [--connections 16] [--threads 1] [--warmup 10] [--duration 30] [--endpoints /api/suggestions,/api/correspondents] [--cache-capacity N] [--reseed 1]
        """);
    return 2;
}
