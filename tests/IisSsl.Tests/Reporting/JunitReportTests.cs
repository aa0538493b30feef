using System.Xml.Linq;
using IisSsl.Reporting;

namespace IisSsl.Tests.Reporting;

public sealed class JunitReportTests
{
    [Fact]
    public void One_test_case_per_host_row_fails_when_the_row_has_an_error()
    {
        var xml = XDocument.Parse(SampleReports.Render(SampleReports.Seed(), ReportFormat.Junit));
        var cases = xml.Descendants("testcase").ToList();

        var v1 = cases.Single(c => ((string)c.Attribute("name")!).StartsWith("sitev1.mysite.com", StringComparison.Ordinal));
        var v2 = cases.Single(c => ((string)c.Attribute("name")!).StartsWith("sitev2.mysite.com", StringComparison.Ordinal));
        Assert.Null(v1.Element("failure"));
        Assert.Equal("HostNotCovered", (string?)v2.Element("failure")?.Attribute("type"));
        Assert.Contains("not covered", (string)v2.Element("failure")!, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_not_tied_to_a_host_become_test_cases_of_their_own()
    {
        var xml = XDocument.Parse(SampleReports.Render(SampleReports.Seed(), ReportFormat.Junit));

        var suite = xml.Descendants("testsuite").Single(s => (string?)s.Attribute("name") == "*:8443");
        var testCase = Assert.Single(suite.Elements("testcase"));
        Assert.Null(testCase.Element("failure"));
        Assert.Contains("SniWithoutFallback", (string)testCase.Element("system-out")!, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_match_the_test_cases()
    {
        var xml = XDocument.Parse(SampleReports.Render(SampleReports.Seed(), ReportFormat.Junit));
        var root = xml.Root!;

        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(3, (int)root.Attribute("tests")!);
        Assert.Equal(1, (int)root.Attribute("failures")!);
        Assert.All(root.Elements("testsuite"), s => Assert.Equal(s.Elements("testcase").Count(), (int)s.Attribute("tests")!));
    }

    [Fact]
    public void Hostile_text_stays_well_formed_and_keeps_its_printable_characters()
    {
        var xml = XDocument.Parse(SampleReports.Render(SampleReports.Hostile_(), ReportFormat.Junit));

        var failure = xml.Descendants("failure").Single();
        Assert.Contains("evil</failure>\"'&<x>", (string)failure.Attribute("message")!, StringComparison.Ordinal);
        Assert.Single(xml.Descendants("testcase"));
    }
}
