using IisSsl.Analysis;
using IisSsl.Probing;
using IisSsl.Reporting;

namespace IisSsl;

public static partial class IisSslEngine
{
    /// <summary>
    /// ProbeTlsEndpoints: handshake with every (target, host) with SNI, and once per target without SNI, and check
    /// what is really served with verify's rules. Unreachable targets and untrusted chains are findings, not errors.
    /// </summary>
    /// <exception cref="InvalidInputException">The options name nothing to probe, a bad target or host, or an unreadable CA bundle or config.</exception>
    public static async Task<VerificationReport> ProbeAsync(
        ProbeOptions options,
        IProgress<ProbeProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var plan = ProbePlanner.Plan(options);
        var trust = TrustAnchors.Load(options.CaBundlePath);
        var http = HttpExpectation.From(options);
        var runner = new ProbeRunner(new TlsHandshaker(trust, options.Timeout, http), options.MaxConcurrency);
        var results = await runner.RunAsync(plan.Requests, progress, cancellationToken).ConfigureAwait(false);
        return ProbeAnalyzer.Analyze(plan, results, new AnalysisOptions(options.Now ?? DateTimeOffset.UtcNow, options.ExpiryWarningDays), http);
    }
}
