using System.Diagnostics;
using System.Runtime;
using IisSsl.Analysis;
using IisSsl.Cli;
using IisSsl.Model;
using IisSsl.Reporting;
using IisSsl.Sources;
using IisSsl.Sources.Certificates;
using IisSsl.Sources.HttpSys;

namespace IisSsl.Benchmarks;

/// <summary>
/// <c>phases CONFIG SSLCERT CERTS [ROUNDS]</c>: times each stage of a verify on its own, in-process, with a stopwatch
/// and the bytes it allocates on every thread (the certificate loading and the analysis run on all cores), so a slow
/// stage can be named: the bare XmlReader pass (the parse limit), the config reader, the netsh text parser, loading
/// the referenced certificates, the analysis and the two report renderers. Prints the first round (cold: JIT
/// included, and with the CLI's batch GC setting, so no collection lands in one stage or another by chance) and the
/// best later round (warm, with the default GC, as BenchmarkDotNet sees it).
/// </summary>
internal static class PhasesCommand
{
    public static int Run(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: phases CONFIG SSLCERT CERTS [ROUNDS]");
            return 2;
        }

        var (configPath, sslCertPath, certsPath) = (args[0], args[1], args[2]);
        var rounds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5;
        IisConfiguration configuration = null!;
        HttpSysState httpSys = null!;
        ServerState state = null!;
        VerificationReport report = null!;
        var stages = new (string Name, Action Run)[]
        {
            ("bare XmlReader pass", () => XmlPass.CountBindingAttributes(configPath)),
            ("config reader", () => configuration = new ApplicationHostConfigFile(configPath).Read()),
            ("netsh text parser", () => httpSys = new NetshSslCertText(sslCertPath).Read()),
            ("referenced certificates", () => state = ServerStateLoader.Load(
                new LoadedConfiguration(configuration), new LoadedHttpSys(httpSys), [new CertificateFolder([certsPath], VerifyOptions.DefaultPfxPasswordVariable)])),
            ("analysis", () => report = CoverageAnalyzer.Analyze(state, new AnalysisOptions(DateTimeOffset.UtcNow))),
            ("json report", () => ReportRenderer.Render(report, ReportFormat.Json, TextWriter.Null)),
            ("text report", () => ReportRenderer.Render(report, ReportFormat.Text, TextWriter.Null)),
        };

        var cold = new double[stages.Length];
        var warm = Enumerable.Repeat(double.MaxValue, stages.Length).ToArray();
        var allocated = new long[stages.Length];
        var jitted = new long[stages.Length];
        var jitMs = new double[stages.Length];
        var collections = new int[stages.Length];
        for (var round = 0; round < rounds; round++)
        {
            if (round == 0)
                BatchCollection.DeferUntilBudgetSpent();
            else if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
                GC.EndNoGCRegion();
            for (var i = 0; i < stages.Length; i++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var (methodsBefore, jitBefore, gcBefore) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime(), GC.CollectionCount(0));
                var stopwatch = Stopwatch.StartNew();
                stages[i].Run();
                var ms = stopwatch.Elapsed.TotalMilliseconds;
                allocated[i] = GC.GetTotalAllocatedBytes(precise: true) - before;
                if (round == 0)
                {
                    cold[i] = ms;
                    jitted[i] = JitInfo.GetCompiledMethodCount() - methodsBefore;
                    jitMs[i] = (JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds;
                    collections[i] = GC.CollectionCount(0) - gcBefore;
                }
                else
                    warm[i] = Math.Min(warm[i], ms);
            }
        }

        Console.WriteLine($"{"stage",-26} {"cold ms",9} {"warm ms",9} {"allocated MiB",14} {"cold: jitted",13} {"jit ms",7} {"GCs",4}");
        for (var i = 0; i < stages.Length; i++)
            Console.WriteLine($"{stages[i].Name,-26} {cold[i],9:F1} {(rounds > 1 ? warm[i] : cold[i]),9:F1} {allocated[i] / (1024.0 * 1024),14:F1} {jitted[i],13} {jitMs[i],7:F1} {collections[i],4}");
        Console.WriteLine($"{"engine total (no xml pass)",-26} {cold[1..].Sum(),9:F1} {(rounds > 1 ? warm[1..].Sum() : cold[1..].Sum()),9:F1} {allocated[1..].Sum() / (1024.0 * 1024),14:F1}");
        Console.WriteLine($"{report.Endpoints.Count} endpoints, {report.Endpoints.Sum(e => e.Hosts.Count)} host rows, {report.Findings.Count} findings; "
            + $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):F0} MiB");
        return 0;
    }

    // Sources that hand back what an earlier stage read, so the certificate stage is timed alone.
    private sealed class LoadedConfiguration(IisConfiguration configuration) : IIisConfigurationSource
    {
        public IisConfiguration Read() => configuration;
    }

    private sealed class LoadedHttpSys(HttpSysState state) : IHttpSysSource
    {
        public HttpSysState Read() => state;
    }
}
