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
}
