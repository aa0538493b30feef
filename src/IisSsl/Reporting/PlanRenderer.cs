using IisSsl.Planning;

namespace IisSsl.Reporting;

/// <summary>Writes a plan/apply result. (Placeholder: implemented on the ensure branch.)</summary>
public static class PlanRenderer
{
    public static void Render(EnsureResult result, ReportFormat format, TextWriter output) => throw new NotImplementedException();
}
