using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using IisSsl.Analysis;
using IisSsl.Model;
using IisSsl.Reporting;
using IisSsl.Tests.Analysis;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Reporting;

/// <summary>
/// Every report states what it read and checked (sites, https bindings, HTTP.SYS records, certificates, https
/// bindings checked), so a green result can be told apart from a check of nothing; a config without any https
/// binding passes, and every format says so.
/// </summary>
public sealed class ReportScopeTests
{
    private static readonly AnalysisOptions Options = new(DateTimeOffset.UtcNow);

    [Fact]
    public void Verify_counts_what_it_read_and_the_https_bindings_it_checked()
    {
        var certificate = TestCertificate.For("a.example", "b.example").Create();
        var state = new ServerBuilder()
            .Site("A", ServerBuilder.Https("*:443:a.example"), Http("a.example"))
            .Site("B", ServerBuilder.Https("*:443:b.example"), new Binding("https", "nonsense", null, null, SslFlags.None, Problem: "not IP:port:host"))
            .Site("C", Http("c.example"))
            .IpPort("0.0.0.0", 443, certificate)
            .Build();

        var scope = CoverageAnalyzer.Analyze(state, Options).Scope!;

        Assert.Equal([("sites", 3), ("httpsBindings", 3), ("httpSysRecords", 1), ("certificates", 1)], scope.Read.Select(c => (c.Name, c.Count)));
        Assert.Equal([("httpsBindings", 2)], scope.Checked.Select(c => (c.Name, c.Count)));
        Assert.Null(scope.Note);
        Assert.Equal("Read 3 sites, 3 https bindings, 1 HTTP.SYS record, 1 certificate; checked 2 https bindings.", scope.Sentence());
    }

    [Fact]
    public void A_config_without_https_bindings_passes_and_says_it_checked_nothing()
    {
        var report = NothingToCheck();

        Assert.True(report.Passed);
        Assert.Equal(ReportScope.NoHttpsBindingNote, report.Scope!.Note);
        Assert.Equal(0, report.Scope.Checked.Single().Count);
    }

    [Fact]
    public void The_text_report_says_what_was_read_before_the_verdict()
    {
        var lines = SampleReports.Render(NothingToCheck(), ReportFormat.Text).TrimEnd().Split(Environment.NewLine);

        Assert.Equal("PASSED: 0 errors, 0 warnings", lines[^1]);
        Assert.StartsWith("Read 2 sites, 0 https bindings, 0 HTTP.SYS records, 0 certificates; checked 0 https bindings.", lines[^3], StringComparison.Ordinal);
        Assert.StartsWith("  ", lines[^2], StringComparison.Ordinal);
        Assert.Contains(ReportScope.NoHttpsBindingNote, string.Join(" ", lines.Select(l => l.Trim())), StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_carries_the_counts_and_the_note()
    {
        using var json = JsonDocument.Parse(SampleReports.Render(NothingToCheck(), ReportFormat.Json));

        var summary = json.RootElement.GetProperty("summary");
        Assert.True(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(2, summary.GetProperty("read").GetProperty("sites").GetInt32());
        Assert.Equal(0, summary.GetProperty("checked").GetProperty("httpsBindings").GetInt32());
        Assert.Equal(ReportScope.NoHttpsBindingNote, summary.GetProperty("note").GetString());
    }

    [Fact]
    public void The_junit_report_has_a_passing_case_that_says_what_was_read_and_checked()
    {
        var xml = XDocument.Parse(SampleReports.Render(NothingToCheck(), ReportFormat.Junit));

        var testCase = xml.Descendants("testcase").Single(c => (string?)c.Attribute("name") == "read and checked");
        Assert.Null(testCase.Element("failure"));
        Assert.Contains(ReportScope.NoHttpsBindingNote, testCase.Element("system-out")!.Value, StringComparison.Ordinal);
        Assert.Equal(1, (int)xml.Root!.Attribute("tests")!);
    }

    [Fact]
    public void The_sarif_report_has_the_counts_as_run_properties_and_the_sentence_as_a_note()
    {
        using var json = JsonDocument.Parse(SampleReports.Render(NothingToCheck(), ReportFormat.Sarif));

        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal(0, run.GetProperty("properties").GetProperty("checked").GetProperty("httpsBindings").GetInt32());
        Assert.Equal(ReportScope.NoHttpsBindingNote, run.GetProperty("properties").GetProperty("note").GetString());
        var notification = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0];
        Assert.Equal("note", notification.GetProperty("level").GetString());
        Assert.Contains(ReportScope.NoHttpsBindingNote, notification.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_summary_says_it_right_under_the_verdict()
    {
        var lines = SampleReports.Render(NothingToCheck(), ReportFormat.Markdown).Split(Environment.NewLine);

        Assert.StartsWith("## IIS HTTPS coverage: ✅ PASSED", lines[0], StringComparison.Ordinal);
        Assert.Contains("checked 0 https bindings. No site has an https binding: there was nothing to check.", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Ci_annotations_say_it_as_a_github_notice_and_an_azure_warning()
    {
        var report = NothingToCheck();
        using var github = new StringWriter();
        using var azure = new StringWriter();

        CiAnnotations.Write(report, github, name => name == "GITHUB_ACTIONS" ? "true" : null);
        CiAnnotations.Write(report, azure, name => name == "TF_BUILD" ? "True" : null);

        Assert.StartsWith("::notice title=iis-ssl%3A read and checked::Read 2 sites", github.ToString(), StringComparison.Ordinal);
        Assert.Contains("nothing to check", github.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("##vso[task.logissue type=warning]Read 2 sites", azure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_gets_no_extra_warning_when_bindings_were_checked()
    {
        var report = SampleReports.Seed() with { Scope = ReportScope.Verify(2, 2, 1, 1, 2) };
        using var azure = new StringWriter();

        CiAnnotations.Write(report, azure, name => name == "TF_BUILD" ? "True" : null);

        Assert.DoesNotContain("Read 2 sites", azure.ToString(), StringComparison.Ordinal);
    }

    private static VerificationReport NothingToCheck() =>
        CoverageAnalyzer.Analyze(new ServerBuilder().Site("A", Http("a.example")).Site("B", Http("b.example")).Build(), Options);

    private static Binding Http(string host) =>
        new("http", $"*:80:{host}", new Endpoint(IPAddress.Any, 80), HostName.Parse(host), SslFlags.None);
}
