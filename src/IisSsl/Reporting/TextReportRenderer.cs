using System.Buffers;
using System.Text;

namespace IisSsl.Reporting;

/// <summary>
/// The default, human report: per endpoint the certificate served without SNI, a table of host rows, then the
/// findings, what was read and checked, and one PASSED/FAILED line. Plain text (no colour), so it reads the same in
/// a console and in a CI log; every line fits the width (the terminal's, or <see cref="TextWrapper.DefaultWidth"/>),
/// broken at word boundaries. A certificate's names are listed a few at a time, never all of them.
/// </summary>
public static class TextReportRenderer
{
    private const string Gap = "  ";
    private const int RowHangingIndent = 4;
    private const int MessageIndent = 10;
    private static readonly string[] Columns = ["SITE", "HOST", "SNI", "SERVED BY", "STATUS"];
    private static readonly string Spaces = new(' ', 64);

    /// <summary>The width lines are wrapped at when standard output is not a terminal (a CI log, a file).</summary>
    public const int DefaultWidth = TextWrapper.DefaultWidth;

    public static void Render(VerificationReport report, TextWriter output) => Render(report, output, DefaultWidth);

    /// <summary>Writes the report with lines wrapped at <paramref name="width"/>: the terminal's when standard output is one.</summary>
    public static void Render(VerificationReport report, TextWriter output, int width)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var wrapper = new TextWrapper(width);
        var line = new StringBuilder(256);
        foreach (var endpoint in report.Endpoints)
            WriteEndpoint(endpoint, output, wrapper, line);

        if (report.Findings.Count > 0)
        {
            output.WriteLine("Findings");
            foreach (var finding in report.Findings)
            {
                WriteRow(output, wrapper, FindingHeading(line, finding), MessageIndent - 2);
                WriteIndented(output, wrapper, ReportText.OneLine(finding.Message), MessageIndent);
            }

            output.WriteLine();
        }

        if (report.Scope is not null)
            wrapper.WriteLine(output, ReportText.Scope(report), 2);
        output.WriteLine(ReportText.Summary(report));
    }

    private static void WriteEndpoint(EndpointReport endpoint, TextWriter output, TextWrapper wrapper, StringBuilder line)
    {
        wrapper.WriteLine(output, $"Endpoint {ReportText.OneLine(endpoint.Endpoint)}", 2);
        wrapper.WriteLine(output, $"  Without SNI: {DefaultCertificate(endpoint)}", RowHangingIndent);
        var table = new HostTable(endpoint.Hosts);
        line.Clear();
        AppendPaddedCells(line, table.Widths, Columns[0], Columns[1], Columns[2], Columns[3]);
        WriteRow(output, wrapper, line.Append(Columns[4]));
        var certificates = new CertificateCells();
        for (var row = 0; row < endpoint.Hosts.Count; row++)
        {
            var host = endpoint.Hosts[row];
            line.Clear();
            AppendPaddedCells(line, table.Widths, table.Site(row), table.Host(row), Sni(host), table.ServedBy(row));
            line.Append(ReportText.StatusLabel(host.Status));
            var certificate = host.Certificate is { } served ? certificates.Of(served) : string.Empty;
            if (line.Length + certificate.Length <= wrapper.Width)
            {
                WriteRow(output, wrapper, line.Append(certificate));
                continue;
            }

            // Too wide: the certificate goes on a line of its own under the row, so a cell is not cut in two.
            WriteRow(output, wrapper, line);
            if (certificate.Length > 0)
                wrapper.WriteLine(output, certificates.OwnLine(), RowHangingIndent);
        }

        output.WriteLine();
    }

    /// <summary>A message under its finding, indented, without a copy of it per finding (a large server has thousands).</summary>
    private static void WriteIndented(TextWriter output, TextWrapper wrapper, string text, int indent)
    {
        var line = ArrayPool<char>.Shared.Rent(indent + text.Length);
        try
        {
            line.AsSpan(0, indent).Fill(' ');
            text.CopyTo(line.AsSpan(indent));
            wrapper.WriteLine(output, line.AsSpan(0, indent + text.Length), 0);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(line);
        }
    }

    private static void WriteRow(TextWriter output, TextWrapper wrapper, StringBuilder line, int hangingIndent = RowHangingIndent)
    {
        if (line.Length <= wrapper.Width)
            output.WriteLine(line);
        else
            wrapper.WriteLine(output, line.ToString(), hangingIndent);
    }

    /// <summary>
    /// A finding's first line, <c>  error   Code [site] endpoint host</c>, in <paramref name="line"/>: built in place,
    /// not as strings per finding (a large server has thousands).
    /// </summary>
    private static StringBuilder FindingHeading(StringBuilder line, Analysis.Finding finding)
    {
        var severity = ReportText.Severity(finding.Severity);
        line.Clear().Append("  ").Append(severity).Append(' ', Math.Max(7 - severity.Length, 0) + 1).Append(finding.Code).Append(' ');
        var first = true;
        if (finding.Site is not null)
        {
            line.Append('[').Append(ReportText.OneLine(finding.Site)).Append(']');
            first = false;
        }

        AppendSubject(finding.Endpoint);
        AppendSubject(finding.HostName);
        return line;

        void AppendSubject(string? part)
        {
            if (part is null)
                return;
            if (!first)
                line.Append(' ');
            line.Append(ReportText.OneLine(part));
            first = false;
        }
    }

    private static string Sni(HostReport host) => host.Sni ? "yes" : "no";

    /// <summary>
    /// The row's indent and its padded cells, each followed by the two-space gap. STATUS, written after them, is
    /// never padded and never ends in white space, so rows need no trimming.
    /// </summary>
    private static void AppendPaddedCells(StringBuilder line, int[] widths, string site, string host, string sni, string servedBy)
    {
        line.Append("  ");
        AppendPadded(line, site, widths[0]);
        AppendPadded(line, host, widths[1]);
        AppendPadded(line, sni, widths[2]);
        AppendPadded(line, servedBy, widths[3]);
    }

    private static void AppendPadded(StringBuilder line, string cell, int width)
    {
        line.Append(cell);
        for (var spaces = width - cell.Length + Gap.Length; spaces > 0; spaces -= Spaces.Length)
            line.Append(Spaces.AsSpan(0, Math.Min(spaces, Spaces.Length)));
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
        private string? _ownLine;

        public string Of(CertificateSummary certificate)
        {
            if (!ReferenceEquals(certificate, _last))
                (_last, _cell, _ownLine) = (certificate, $" ({ReportText.OneLine(certificate.Subject)}, {ReportText.ShortThumbprint(certificate.Thumbprint)})", null);
            return _cell;
        }

        /// <summary>The last certificate's cell as a line of its own, indented under its row.</summary>
        public string OwnLine() => _ownLine ??= new string(' ', 2 + RowHangingIndent) + _cell.TrimStart();
    }

    private static string DefaultCertificate(EndpointReport endpoint) => (endpoint.DefaultRecord, endpoint.DefaultCertificate) switch
    {
        (null, _) => "no ipport record (clients without SNI fail the handshake)",
        (var record, null) => $"{ReportText.OneLine(record)} -> certificate not found",
        (var record, var c) => $"{ReportText.OneLine(record)} -> {ReportText.OneLine(c.Subject)} [{ReportText.OneLine(c.NamesList())}] "
            + $"expires {ReportText.Date(c.NotAfter)}, thumbprint {ReportText.ShortThumbprint(c.Thumbprint)}",
    };
}
