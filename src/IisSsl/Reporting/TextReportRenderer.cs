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
        var table = new HostTable(endpoint.Hosts);
        WritePaddedCells(output, table.Widths, Columns[0], Columns[1], Columns[2], Columns[3]);
        output.WriteLine(Columns[4]);
        var certificates = new CertificateCells();
        for (var row = 0; row < endpoint.Hosts.Count; row++)
        {
            var host = endpoint.Hosts[row];
            WritePaddedCells(output, table.Widths, table.Site(row), table.Host(row), Sni(host), table.ServedBy(row));
            output.Write(ReportText.StatusLabel(host.Status));
            if (host.Certificate is { } certificate)
                output.Write(certificates.Of(certificate));
            output.WriteLine();
        }

        output.WriteLine();
    }

    private static string Sni(HostReport host) => host.Sni ? "yes" : "no";

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

    /// <summary>An endpoint's host rows as printable cells, each made safe once, and the widths of the padded columns.</summary>
    private sealed class HostTable
    {
        private readonly string[] _cells;

        public HostTable(IReadOnlyList<HostReport> hosts)
        {
            _cells = new string[3 * hosts.Count];
            Widths = [Columns[0].Length, Columns[1].Length, Math.Max(Columns[2].Length, "yes".Length), Columns[3].Length];
            for (var row = 0; row < hosts.Count; row++)
            {
                var host = hosts[row];
                Widths[0] = Math.Max(Widths[0], (_cells[3 * row] = ReportText.OneLine(host.Site)).Length);
                Widths[1] = Math.Max(Widths[1], (_cells[(3 * row) + 1] = ReportText.OneLine(host.HostName ?? "(any name)")).Length);
                Widths[3] = Math.Max(Widths[3], (_cells[(3 * row) + 2] = ReportText.OneLine(host.ServedBy ?? "-")).Length);
            }
        }

        /// <summary>The widths of the columns before STATUS: the longest cell or title of each.</summary>
        public int[] Widths { get; }

        public string Site(int row) => _cells[3 * row];

        public string Host(int row) => _cells[(3 * row) + 1];

        public string ServedBy(int row) => _cells[(3 * row) + 2];
    }

    /// <summary>What follows a row's status, <c> (CN=…, AB12CD34…)</c>, written once per certificate: an endpoint's rows mostly share one.</summary>
    private sealed class CertificateCells
    {
        private CertificateSummary? _last;
        private string _cell = string.Empty;

        public string Of(CertificateSummary certificate)
        {
            if (!ReferenceEquals(certificate, _last))
                (_last, _cell) = (certificate, $" ({ReportText.OneLine(certificate.Subject)}, {ReportText.ShortThumbprint(certificate.Thumbprint)})");
            return _cell;
        }
    }

    private static string DefaultCertificate(EndpointReport endpoint) => (endpoint.DefaultRecord, endpoint.DefaultCertificate) switch
    {
        (null, _) => "no ipport record (clients without SNI fail the handshake)",
        (var record, null) => $"{ReportText.OneLine(record)} -> certificate not found",
        (var record, var c) => $"{ReportText.OneLine(record)} -> {ReportText.OneLine(c.Subject)} [{ReportText.OneLine(string.Join(", ", c.DnsNames))}] "
            + $"expires {ReportText.Date(c.NotAfter)}, thumbprint {ReportText.ShortThumbprint(c.Thumbprint)}",
    };
}
