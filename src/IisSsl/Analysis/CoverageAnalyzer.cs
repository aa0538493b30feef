using IisSsl.Model;
using IisSsl.Reporting;

namespace IisSsl.Analysis;

/// <summary>The pure function from server state to report. (Placeholder: implemented on the analysis branch.)</summary>
public static class CoverageAnalyzer
{
    public static VerificationReport Analyze(ServerState state, AnalysisOptions options) =>
        throw new NotImplementedException();
}
