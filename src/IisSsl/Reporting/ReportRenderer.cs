namespace IisSsl.Reporting;

/// <summary>Writes a report in one of the <see cref="ReportFormat"/>s. (Placeholder: implemented on the reporting branch.)</summary>
public static class ReportRenderer
{
    public static void Render(VerificationReport report, ReportFormat format, TextWriter output) =>
        throw new NotImplementedException();
}
