using IisSsl.Reporting;

namespace IisSsl;

public static partial class IisSslEngine
{
    /// <summary>ProbeTlsEndpoints: handshake with every (target, host) and check what is really served. (Placeholder.)</summary>
    public static Task<VerificationReport> ProbeAsync(
        ProbeOptions options,
        IProgress<Probing.ProbeProgress>? progress = null,
        CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
