using IisSsl.Reporting;

namespace IisSsl.Tests.Reporting;

public sealed class TextAndMarkdownReportTests
{
    [Fact]
    public void Text_report_shows_each_endpoint_its_hosts_the_findings_and_the_verdict()
    {
        var text = SampleReports.Render(SampleReports.Seed(), ReportFormat.Text);
        var lines = text.Split('\n', StringSplitOptions.TrimEntries);

        Assert.Contains("Endpoint *:443", lines);
        Assert.Contains(lines, l => l.StartsWith("Without SNI: ipport=0.0.0.0:443 -> CN=sitev1.mysite.com [sitev1.mysite.com] expires 2030-01-02", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("MySite V2", StringComparison.Ordinal) && l.Contains("sitev2.mysite.com", StringComparison.Ordinal) && l.Contains("NOT COVERED", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("error   HostNotCovered", StringComparison.Ordinal));
        Assert.Equal("FAILED: 1 error, 1 warning", lines.Last(l => l.Length > 0));
    }

    [Fact]
    public void Text_report_of_a_clean_server_passes()
    {
        var text = SampleReports.Render(new VerificationReport([], []), ReportFormat.Text);

        Assert.Equal("PASSED: 0 errors, 0 warnings", text.Trim());
    }

    [Fact]
    public void Text_report_strips_control_characters_so_names_cannot_forge_lines_or_colours()
    {
        var text = SampleReports.Render(SampleReports.Hostile_(), ReportFormat.Text);

        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain(text.Split('\n'), l => l.StartsWith("::error", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_summary_has_a_row_per_host_and_per_finding()
    {
        var markdown = SampleReports.Render(SampleReports.Seed(), ReportFormat.Markdown);
        var rows = markdown.Split('\n').Where(l => l.StartsWith('|')).ToList();

        Assert.StartsWith("## IIS HTTPS coverage: ❌ FAILED: 1 error, 1 warning", markdown, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Contains("sitev2.mysite.com", StringComparison.Ordinal) && r.Contains("NOT COVERED", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| error | HostNotCovered", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_cells_cannot_break_the_table()
    {
        var markdown = SampleReports.Render(SampleReports.Hostile_(), ReportFormat.Markdown);
        var findingRow = markdown.Split('\n').Single(l => l.StartsWith("| error", StringComparison.Ordinal));

        // Six cells: every '|' inside a value is escaped, and the value stays on its line.
        var unescapedPipes = findingRow.Where((c, i) => c == '|' && (i == 0 || findingRow[i - 1] != '\\')).Count();
        Assert.Equal(7, unescapedPipes);
        Assert.Contains("\\<x\\>", findingRow, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_on_a_large_server_puts_the_verdict_first_and_caps_each_table_with_a_note()
    {
        var certificate = SampleReports.SiteV1Certificate;
        var hosts = Enumerable.Range(0, 1000).Select(i => new HostReport($"site{i}", $"h{i}.example", false, "ipport=0.0.0.0:443", certificate,
            i % 100 == 0 ? CoverageStatus.NotCovered : CoverageStatus.Covered)).ToList();
        var findings = Enumerable.Range(0, 300).Select(i => new IisSsl.Analysis.Finding("HostNotCovered", IisSsl.Analysis.Severity.Error, $"m{i}", $"site{i}", "*:443", $"h{i}.example")).ToList();
        var report = new VerificationReport([new EndpointReport("*:443", "ipport=0.0.0.0:443", certificate, hosts)], findings, ReportScope.Verify(1000, 1000, 1, 1, 1000));

        var lines = SampleReports.Render(report, ReportFormat.Markdown).Split(Environment.NewLine);

        Assert.StartsWith("## IIS HTTPS coverage: ❌ FAILED: 300 errors", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Read 1,000 sites", lines[2], StringComparison.Ordinal);
        Assert.Equal(MarkdownReportRenderer.MaxFindingRows, lines.Count(l => l.StartsWith("| error |", StringComparison.Ordinal)));
        Assert.Contains("_200 of 300 findings are not shown", string.Join("\n", lines), StringComparison.Ordinal);
        var hostRows = lines.Where(l => l.StartsWith("| \\*:443 |", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, hostRows.Count);
        Assert.All(hostRows, r => Assert.Contains("NOT COVERED", r, StringComparison.Ordinal));
        Assert.Contains("_990 of 1,000 host rows are not shown (only rows with a problem are listed", string.Join("\n", lines), StringComparison.Ordinal);
    }
}
