using IisSsl.Analysis;
using IisSsl.Reporting;
using IisSsl.Sources;

namespace IisSsl;

/// <summary>
/// The engine's entry points. Hosts (CLI, Cake aliases, Nuke components) call exactly one of these,
/// render the result and map it to an exit code. Bad input surfaces as <see cref="InvalidInputException"/>.
/// </summary>
public static partial class IisSslEngine
{
    /// <summary>VerifyCertCoverage: read the server's HTTPS state and say what each client gets for each host name.</summary>
    public static VerificationReport Verify(VerifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = ServerStateLoader.Load(options);
        return CoverageAnalyzer.Analyze(state, new AnalysisOptions(options.Now ?? DateTimeOffset.UtcNow, options.ExpiryWarningDays));
    }
}
