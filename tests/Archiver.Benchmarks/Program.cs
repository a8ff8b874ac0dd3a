using Archiver.Benchmarks.Archiving;
using Archiver.Benchmarks.Chaos;
using Archiver.Benchmarks.Downloads;
using Archiver.Benchmarks.Extraction;
using Archiver.Benchmarks.Rechecking;
using Archiver.Benchmarks.Startup;

// Measured runs, one verb per benchmark:
//   dotnet run -c Release --project tests/Archiver.Benchmarks -- <verb> [options]
return args switch
{
    ["extract", .. var options] => await ExtractionBenchmark.RunAsync(options),
    ["archive", .. var options] => await ArchiveThroughputBenchmark.RunAsync(options),
    ["archive-memory", .. var options] => await ArchiveMemoryBenchmark.RunAsync(options),
    ["chaos", .. var options] => await ChaosBenchmark.RunAsync(options),
    ["recheck-scale", .. var options] => await RecheckScaleBenchmark.RunAsync(options),
    ["startup", .. var options] => await StartupBenchmark.RunAsync(options),
    ["downloads", .. var options] => await DownloadsBenchmark.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine($"""
        usage: Archiver.Benchmarks <verb> [options]

          {ExtractionOptions.Usage}
              citation extraction throughput (MB/s) and recall, Archiver against twitter-text under Node
          {ArchiveThroughputBenchmark.Usage}
              archiving wall time against the bound set by per-host concurrency and upstream latency
          {ArchiveMemoryBenchmark.Usage}
              peak memory while archiving a tweet whose video is streamed from the fake upstream
          {ChaosBenchmark.Usage}
              archiving and re-checking under seeded upstream faults: faults, outcomes, false versions, lacking media
          {RecheckScaleBenchmark.Usage}
              storage requests and time to find the same due tweets in archives of different sizes
          {StartupBenchmark.Usage}
              time from process start to WorkerInitResponse under the stand-in host, and to the first GET standalone
          {DownloadsBenchmark.Usage}
              bundle and media downloads under the stand-in host, streamed against redirected to a SAS URL
        """);
    return 2;
}
