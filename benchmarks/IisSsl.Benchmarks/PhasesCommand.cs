using System.Diagnostics;
using IisSsl.Analysis;
using IisSsl.Reporting;
using IisSsl.Sources;

namespace IisSsl.Benchmarks;

/// <summary>
/// <c>phases CONFIG SSLCERT CERTS [ROUNDS]</c>: times each stage of a verify with a stopwatch, cold (first round, JIT
/// included) and warm (best later round), so a slow stage can be named: the bare XmlReader pass, the config reader,
/// the whole state load (config + HTTP.SYS records + referenced certificates), the analysis and the JSON report.
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

        var options = new VerifyOptions { IisConfigPath = args[0], SslCertPath = args[1], CertificateFolders = [args[2]] };
        var rounds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var stages = new (string Name, Func<object> Run)[]
        {
            ("bare XmlReader pass", () => XmlPass.CountBindingAttributes(options.IisConfigPath)),
            ("config reader", () => new ApplicationHostConfigFile(options.IisConfigPath).Read()),
            ("state load (config+http.sys+certs)", () => ServerStateLoader.Load(options)),
            ("analysis", () => CoverageAnalyzer.Analyze(ServerStateLoader.Load(options), new AnalysisOptions(DateTimeOffset.UtcNow, 30))),
            ("json report", () => Render(IisSslEngine.Verify(options))),
            ("verify (engine entry point)", () => IisSslEngine.Verify(options)),
        };

        var cold = new double[stages.Length];
        var warm = Enumerable.Repeat(double.MaxValue, stages.Length).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < stages.Length; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                GC.KeepAlive(stages[i].Run());
                var ms = stopwatch.Elapsed.TotalMilliseconds;
                if (round == 0)
                    cold[i] = ms;
                else
                    warm[i] = Math.Min(warm[i], ms);
            }
        }

        // "analysis" and "json report" include the load and the verify they need; subtract to isolate them.
        var load = warm[2];
        Console.WriteLine($"{"stage",-36} {"cold ms",10} {"warm ms",10}");
        for (var i = 0; i < stages.Length; i++)
        {
            var note = stages[i].Name switch
            {
                "analysis" => $"  (alone: {warm[i] - load:F1} ms)",
                "json report" => $"  (alone: {warm[i] - warm[^1]:F1} ms)",
                _ => string.Empty,
            };
            Console.WriteLine($"{stages[i].Name,-36} {cold[i],10:F1} {(rounds > 1 ? warm[i] : cold[i]),10:F1}{note}");
        }

        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):F0} MiB");
        return 0;
    }

    private static int Render(VerificationReport report)
    {
        using var writer = new StringWriter();
        ReportRenderer.Render(report, ReportFormat.Json, writer);
        return writer.GetStringBuilder().Length;
    }
}
