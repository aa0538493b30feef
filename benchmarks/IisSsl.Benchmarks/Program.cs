using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using IisSsl.Benchmarks;

return args.FirstOrDefault() switch
{
    "generate" => GenerateCommand.Run(args[1..]),
    "phases" => PhasesCommand.Run(args[1..]),
    "once" => OnceCommand.Run(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(VerifyBenchmarks).Assembly).Run(args, DefaultConfig.Instance);
    return 0;
}
