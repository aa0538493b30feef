namespace IisSsl.Reporting;

/// <summary>Writes a report in one of the <see cref="ReportFormat"/>s.</summary>
public static class ReportRenderer
{
    public static void Render(VerificationReport report, ReportFormat format, TextWriter output) =>
        Render(report, format, output, TextReportRenderer.DefaultWidth);

    /// <summary>Writes the report; the text report's lines are wrapped at <paramref name="textWidth"/>.</summary>
    public static void Render(VerificationReport report, ReportFormat format, TextWriter output, int textWidth)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case ReportFormat.Text:
                TextReportRenderer.Render(report, output, textWidth);
                break;
            case ReportFormat.Json:
                JsonReportRenderer.Render(report, output);
                break;
            case ReportFormat.Junit:
                JunitReportRenderer.Render(report, output);
                break;
            case ReportFormat.Sarif:
                SarifReportRenderer.Render(report, output);
                break;
            case ReportFormat.Markdown:
                MarkdownReportRenderer.Render(report, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format.");
        }
    }
}
