using IisSsl.Analysis;

namespace IisSsl.Reporting;

/// <summary>
/// The default, human report: per endpoint the certificate served without SNI, a table of host rows, then the
/// findings and one PASSED/FAILED line. Plain text (no colour), so it reads the same in a console and in a CI log.
/// </summary>
public static class TextReportRenderer
{
    private const string Gap = "  ";
    private static readonly string[] Columns = ["SITE", "HOST", "SNI", "SERVED BY", "STATUS"];
    private static readonly string Spaces = new(' ', 64);

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
        var widths = PaddedColumnWidths(endpoint.Hosts);
        WritePaddedCells(output, widths, Columns[0], Columns[1], Columns[2], Columns[3]);
        output.WriteLine(Columns[4]);
        foreach (var host in endpoint.Hosts)
        {
            WritePaddedCells(output, widths, Site(host), Host(host), Sni(host), ServedBy(host));
            WriteStatus(output, host);
            output.WriteLine();
        }

        output.WriteLine();
    }

    private static string Site(HostReport host) => ReportText.OneLine(host.Site);

    private static string Host(HostReport host) => ReportText.OneLine(host.HostName ?? "(any name)");

    private static string Sni(HostReport host) => host.Sni ? "yes" : "no";

    private static string ServedBy(HostReport host) => ReportText.OneLine(host.ServedBy ?? "-");

    /// <summary>The widths of the columns before STATUS: the longest cell or title of each.</summary>
    private static int[] PaddedColumnWidths(IReadOnlyList<HostReport> hosts)
    {
        int[] widths = [Columns[0].Length, Columns[1].Length, Columns[2].Length, Columns[3].Length];
        foreach (var host in hosts)
        {
            widths[0] = Math.Max(widths[0], Site(host).Length);
            widths[1] = Math.Max(widths[1], Host(host).Length);
            widths[2] = Math.Max(widths[2], Sni(host).Length);
            widths[3] = Math.Max(widths[3], ServedBy(host).Length);
        }

        return widths;
    }

    /// <summary>
    /// The row's indent and its padded cells, each followed by the two-space gap. STATUS, written after them, is
    /// never padded and never ends in white space, so rows need no trimming.
    /// </summary>
    private static void WritePaddedCells(TextWriter output, int[] widths, string site, string host, string sni, string servedBy)
    {
        output.Write("  ");
        WritePadded(output, site, widths[0]);
        WritePadded(output, host, widths[1]);
        WritePadded(output, sni, widths[2]);
        WritePadded(output, servedBy, widths[3]);
    }

    private static void WritePadded(TextWriter output, string cell, int width)
    {
        output.Write(cell);
        for (var spaces = width - cell.Length + Gap.Length; spaces > 0; spaces -= Spaces.Length)
            output.Write(Spaces.AsSpan(0, Math.Min(spaces, Spaces.Length)));
    }

    private static void WriteStatus(TextWriter output, HostReport host)
    {
        output.Write(ReportText.StatusLabel(host.Status));
        if (host.Certificate is not { } certificate)
            return;
        output.Write(" (");
        output.Write(ReportText.OneLine(certificate.Subject));
        output.Write(", ");
        output.Write(ReportText.ShortThumbprint(certificate.Thumbprint));
        output.Write(')');
    }

    private static string DefaultCertificate(EndpointReport endpoint) => (endpoint.DefaultRecord, endpoint.DefaultCertificate) switch
    {
        (null, _) => "no ipport record (clients without SNI fail the handshake)",
        (var record, null) => $"{ReportText.OneLine(record)} -> certificate not found",
        (var record, var c) => $"{ReportText.OneLine(record)} -> {ReportText.OneLine(c.Subject)} [{ReportText.OneLine(string.Join(", ", c.DnsNames))}] "
            + $"expires {ReportText.Date(c.NotAfter)}, thumbprint {ReportText.ShortThumbprint(c.Thumbprint)}",
    };
}
