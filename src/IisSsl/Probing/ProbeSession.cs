using IisSsl.Analysis;
using IisSsl.Reporting;

namespace IisSsl.Probing;

/// <summary>Runs a plan: loads the trust anchors, makes the handshakes, and judges what they showed.</summary>
internal static class ProbeSession
{
    public static async Task<VerificationReport> RunAsync(
        ProbePlan plan,
        ProbeOptions options,
        IProgress<ProbeProgress>? progress,
        CancellationToken cancellationToken)
    {
        var trust = TrustAnchors.Load(options.CaBundlePath);
        var http = HttpExpectation.From(options);
        var runner = new ProbeRunner(new TlsHandshaker(trust, options.Timeout, http), options.MaxConcurrency);
        var results = await runner.RunAsync(plan.Requests, progress, cancellationToken).ConfigureAwait(false);
        var analysis = new AnalysisOptions(options.Now ?? DateTimeOffset.UtcNow, options.ExpiryWarningDays);
        return ProbeAnalyzer.Analyze(plan, results, analysis, http);
    }
}
