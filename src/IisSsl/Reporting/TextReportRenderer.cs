using IisSsl.Analysis;

namespace IisSsl.Reporting;

/// <summary>
/// The default, human report: per endpoint the certificate served without SNI, a table of host rows, then the
/// findings and one PASSED/FAILED line. Plain text (no colour), so it reads the same in a console and in a CI log.
/// </summary>
public static class TextReportRenderer
{
    private static readonly string[] Columns = ["SITE", "HOST", "SNI", "SERVED BY", "STATUS"];

    public static void Render(VerificationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var endpoint in report.Endpoints)
            WriteEndpoint(endpoint, output);

        if (report.Findings.Count > 0)
        {
            output.WriteLine("Findings");
            foreach (var finding in report.Findings)
            {
                var subject = string.Join(" ", new[] { finding.Site is null ? null : $"[{finding.Site}]", finding.Endpoint, finding.HostName }.OfType<string>());
                output.WriteLine($"  {ReportText.Severity(finding.Severity),-7} {finding.Code} {ReportText.OneLine(subject)}");
                output.WriteLine($"          {ReportText.OneLine(finding.Message)}");
            }

            output.WriteLine();
        }

        output.WriteLine(ReportText.Summary(report));
    }

    private static void WriteEndpoint(EndpointReport endpoint, TextWriter output)
    {
        output.WriteLine($"Endpoint {ReportText.OneLine(endpoint.Endpoint)}");
        output.WriteLine($"  Without SNI: {DefaultCertificate(endpoint)}");
        var rows = endpoint.Hosts.Select(h => new[]
        {
            ReportText.OneLine(h.Site),
            ReportText.OneLine(h.HostName ?? "(any name)"),
            h.Sni ? "yes" : "no",
            ReportText.OneLine(h.ServedBy ?? "-"),
            ReportText.StatusLabel(h.Status) + (h.Certificate is { } c ? $" ({ReportText.OneLine(c.Subject)}, {ReportText.ShortThumbprint(c.Thumbprint)})" : ""),
        }).ToList();
        var widths = Columns.Select((title, i) => rows.Select(r => r[i].Length).Append(title.Length).Max()).ToArray();
        WriteRow(Columns, widths, output);
        foreach (var row in rows)
            WriteRow(row, widths, output);
        output.WriteLine();
    }

    private static string DefaultCertificate(EndpointReport endpoint) => (endpoint.DefaultRecord, endpoint.DefaultCertificate) switch
    {
        (null, _) => "no ipport record (clients without SNI fail the handshake)",
        (var record, null) => $"{ReportText.OneLine(record)} -> certificate not found",
        (var record, var c) => $"{ReportText.OneLine(record)} -> {ReportText.OneLine(c.Subject)} [{ReportText.OneLine(string.Join(", ", c.DnsNames))}] "
            + $"expires {ReportText.Date(c.NotAfter)}, thumbprint {ReportText.ShortThumbprint(c.Thumbprint)}",
    };

    private static void WriteRow(IReadOnlyList<string> cells, int[] widths, TextWriter output)
    {
        var padded = cells.Select((cell, i) => i == cells.Count - 1 ? cell : cell.PadRight(widths[i]));
        output.WriteLine("  " + string.Join("  ", padded).TrimEnd());
    }
}
