using System.Text.Json;
using IisSsl.Reporting;

namespace IisSsl.Tests.Reporting;

public sealed class SarifReportTests
{
    [Fact]
    public void Log_is_sarif_2_1_0_with_one_rule_per_code_and_one_result_per_finding()
    {
        using var json = JsonDocument.Parse(SampleReports.Render(SampleReports.Seed(), ReportFormat.Sarif));
        var root = json.RootElement;

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(["HostNotCovered", "SniWithoutFallback"], rules);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal("error", results[0].GetProperty("level").GetString());
        Assert.Equal("warning", results[1].GetProperty("level").GetString());
        Assert.All(results, r => Assert.Equal(r.GetProperty("ruleId").GetString(), rules[r.GetProperty("ruleIndex").GetInt32()]));
    }

    [Fact]
    public void Result_points_at_the_configuration_line_when_known()
    {
        using var json = JsonDocument.Parse(SampleReports.Render(SampleReports.Seed(), ReportFormat.Sarif));
        var location = json.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0];

        var physical = location.GetProperty("physicalLocation");
        Assert.Equal("applicationHost.config", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(20, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("MySite V2/*:443/sitev2.mysite.com", location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
    }

    [Fact]
    public void Hostile_text_round_trips_and_file_names_become_uris()
    {
        using var json = JsonDocument.Parse(SampleReports.Render(SampleReports.Hostile_(), ReportFormat.Sarif));
        var result = json.RootElement.GetProperty("runs")[0].GetProperty("results")[0];

        Assert.Equal("Message " + SampleReports.Hostile, result.GetProperty("message").GetProperty("text").GetString());
        var uri = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
        Assert.True(Uri.TryCreate(uri, UriKind.RelativeOrAbsolute, out _));
        Assert.DoesNotContain(' ', uri);
    }
}
