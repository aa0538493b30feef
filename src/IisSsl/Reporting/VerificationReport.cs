using IisSsl.Analysis;

namespace IisSsl.Reporting;

/// <summary>
/// The result of verify (and of probe): per-endpoint detail plus findings, and what was read and checked
/// (<see cref="Scope"/>; null only for reports built by hand). Passes when no finding is an error.
/// </summary>
public sealed record VerificationReport(IReadOnlyList<EndpointReport> Endpoints, IReadOnlyList<Finding> Findings, ReportScope? Scope = null)
{
    public bool Passed => !Findings.Any(f => f.Severity == Severity.Error);

    public int ErrorCount => Findings.Count(f => f.Severity == Severity.Error);

    public int WarningCount => Findings.Count(f => f.Severity == Severity.Warning);

    public int InfoCount => Findings.Count(f => f.Severity == Severity.Info);
}
