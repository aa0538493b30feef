using IisSsl.Analysis;

namespace IisSsl.Reporting;

/// <summary>The result of verify (and of probe): per-endpoint detail plus findings. Passes when no finding is an error.</summary>
public sealed record VerificationReport(IReadOnlyList<EndpointReport> Endpoints, IReadOnlyList<Finding> Findings)
{
    public bool Passed => !Findings.Any(f => f.Severity == Severity.Error);

    public int ErrorCount => Findings.Count(f => f.Severity == Severity.Error);

    public int WarningCount => Findings.Count(f => f.Severity == Severity.Warning);
}
