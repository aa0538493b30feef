using System.Globalization;
using System.Text;

namespace IisSsl.Reporting;

/// <summary>
/// A summary for <c>$GITHUB_STEP_SUMMARY</c> (or an Azure summary attachment), readable on a large server: the
/// verdict and what was read and checked first, then the findings, then the host rows, each table capped with a note
/// saying how many rows were left out and where every row is. Certificates are named by subject and thumbprint, never
/// by their names, so no cell grows with a certificate's SAN list. Every cell is escaped so names from a config
/// cannot break the table or inject markup.
/// </summary>
public static class MarkdownReportRenderer
{
    /// <summary>GitHub caps a step summary at 1 MiB; a few hundred rows is what a reader scrolls through.</summary>
    public const int MaxFindingRows = 100;

    public const int MaxHostRows = 200;

    private const string FullReport = "the text report in the build log lists every row, and `--format json` writes them all";

    public static void Render(VerificationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"## IIS HTTPS coverage: {(report.Passed ? "✅" : "❌")} {ReportText.Summary(report)}");
        output.WriteLine();
        if (report.Scope is not null)
        {
            output.WriteLine(Cell(ReportText.Scope(report)));
            output.WriteLine();
        }

        if (report.Findings.Count > 0)
        {
            output.WriteLine("### Findings");
            output.WriteLine();
            output.WriteLine("| Severity | Code | Site | Endpoint | Host | Message |");
            output.WriteLine("|---|---|---|---|---|---|");
            foreach (var f in report.Findings.Take(MaxFindingRows))
                output.WriteLine(Row(ReportText.Severity(f.Severity), f.Code, f.Site ?? "", f.Endpoint ?? "", f.HostName ?? "", f.Message));
            output.WriteLine();
            LeftOut(output, report.Findings.Count, MaxFindingRows, "findings", "in the report's order (errors first)");
        }

        var rows = report.Endpoints.Sum(e => e.Hosts.Count);
        if (rows > 0)
        {
            output.WriteLine("### Hosts");
            output.WriteLine();
            output.WriteLine("| Endpoint | Site | Host | SNI | Served by | Certificate | Status |");
            output.WriteLine("|---|---|---|---|---|---|---|");
            var shown = HostRows(report, rows <= MaxHostRows).Take(MaxHostRows).ToList();
            foreach (var (endpoint, host) in shown)
            {
                var certificate = host.Certificate is { } c ? $"{c.Subject} ({ReportText.ShortThumbprint(c.Thumbprint)}, expires {ReportText.Date(c.NotAfter)})" : "-";
                output.WriteLine(Row(endpoint.Endpoint, host.Site, host.HostName ?? "(any name)", host.Sni ? "yes" : "no",
                    host.ServedBy ?? "-", certificate, ReportText.StatusLabel(host.Status)));
            }

            output.WriteLine();
            if (shown.Count < rows)
            {
                output.WriteLine($"_{Number(rows - shown.Count)} of {Number(rows)} host rows are not shown "
                    + $"({(shown.Count == 0 ? "every row is covered" : "only rows with a problem are listed")}, at most {Number(MaxHostRows)}); {FullReport}._");
                output.WriteLine();
            }
        }
    }

    /// <summary>Every row when they all fit; otherwise the rows with a problem only (covered and catch-all rows left out first).</summary>
    private static IEnumerable<(EndpointReport Endpoint, HostReport Host)> HostRows(VerificationReport report, bool all) =>
        report.Endpoints.SelectMany(e => e.Hosts.Select(h => (e, h)))
            .Where(row => all || row.h.Status is not (CoverageStatus.Covered or CoverageStatus.AnyName));

    private static void LeftOut(TextWriter output, int total, int shown, string what, string order)
    {
        if (total <= shown)
            return;
        output.WriteLine($"_{Number(total - shown)} of {Number(total)} {what} are not shown (the first {Number(shown)} {order} are); {FullReport}._");
        output.WriteLine();
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

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
