using Archiver.Benchmarks.Extraction;

// Measured runs, one verb per benchmark:
//   dotnet run -c Release --project tests/Archiver.Benchmarks -- <verb> [options]
return args switch
{
    ["extract", .. var options] => await ExtractionBenchmark.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine($"""
        usage: Archiver.Benchmarks <verb> [options]

          {ExtractionOptions.Usage}
              citation extraction throughput (MB/s) and recall, Archiver against twitter-text under Node
        """);
    return 2;
}
