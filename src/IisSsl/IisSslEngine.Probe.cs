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
    public static Task<VerificationReport> ProbeAsync(
        ProbeOptions options,
        IProgress<ProbeProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        ProbeSession.RunAsync(ProbePlanner.Plan(options), options, progress, cancellationToken);
}
