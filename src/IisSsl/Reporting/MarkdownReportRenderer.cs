using System.Text;

namespace IisSsl.Reporting;

/// <summary>
/// A summary for <c>$GITHUB_STEP_SUMMARY</c> (or an Azure summary attachment): the verdict, one table of host rows,
/// one table of findings. Every cell is escaped so names from a config cannot break the table or inject markup.
/// </summary>
public static class MarkdownReportRenderer
{
    public static void Render(VerificationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"## IIS HTTPS coverage: {(report.Passed ? "✅" : "❌")} {ReportText.Summary(report)}");
        output.WriteLine();

        if (report.Endpoints.Count > 0)
        {
            output.WriteLine("| Endpoint | Site | Host | SNI | Served by | Certificate | Status |");
            output.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var endpoint in report.Endpoints)
            {
                foreach (var host in endpoint.Hosts)
                {
                    var certificate = host.Certificate is { } c ? $"{c.Subject} ({ReportText.ShortThumbprint(c.Thumbprint)}, expires {ReportText.Date(c.NotAfter)})" : "-";
                    output.WriteLine(Row(endpoint.Endpoint, host.Site, host.HostName ?? "(any name)", host.Sni ? "yes" : "no",
                        host.ServedBy ?? "-", certificate, ReportText.StatusLabel(host.Status)));
                }
            }

            output.WriteLine();
        }

        if (report.Findings.Count > 0)
        {
            output.WriteLine("### Findings");
            output.WriteLine();
            output.WriteLine("| Severity | Code | Site | Endpoint | Host | Message |");
            output.WriteLine("|---|---|---|---|---|---|");
            foreach (var f in report.Findings)
                output.WriteLine(Row(ReportText.Severity(f.Severity), f.Code, f.Site ?? "", f.Endpoint ?? "", f.HostName ?? "", f.Message));
            output.WriteLine();
        }
    }

    private static string Row(params string[] cells) => "| " + string.Join(" | ", cells.Select(Cell)) + " |";

    /// <summary>Escapes Markdown/HTML punctuation and folds line breaks, so one value stays one table cell.</summary>
    internal static string Cell(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in ReportText.OneLine(text))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '&' or '#' or '!')
                builder.Append('\\');
            builder.Append(c);
        }

        return builder.ToString();
    }
}
