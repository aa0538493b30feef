using System.Text.Json;
using IisSsl.Reporting;

namespace IisSsl.Tests.Reporting;

public sealed class JsonReportTests
{
    [Fact]
    public void Report_has_exactly_the_contract_fields()
    {
        using var json = JsonDocument.Parse(SampleReports.Render(SampleReports.Seed(), ReportFormat.Json));
        var root = json.RootElement;

        Assert.Equal(["passed", "endpoints", "findings"], root.EnumerateObject().Select(p => p.Name));
        Assert.False(root.GetProperty("passed").GetBoolean());
        var finding = root.GetProperty("findings")[0];
        Assert.Equal(["code", "severity", "site", "endpoint", "hostname", "message"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal("HostNotCovered", finding.GetProperty("code").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("MySite V2", finding.GetProperty("site").GetString());
        Assert.Equal("*:443", finding.GetProperty("endpoint").GetString());
        Assert.Equal("sitev2.mysite.com", finding.GetProperty("hostname").GetString());
    }

    [Fact]
    public void Missing_values_are_written_as_null_and_severity_in_lower_case()
    {
        using var json = JsonDocument.Parse(SampleReports.Render(SampleReports.Seed(), ReportFormat.Json));
        var warning = json.RootElement.GetProperty("findings")[1];

        Assert.Equal("warning", warning.GetProperty("severity").GetString());
        Assert.Equal(JsonValueKind.Null, warning.GetProperty("site").ValueKind);
        Assert.Equal(JsonValueKind.Null, warning.GetProperty("hostname").ValueKind);
    }

    [Fact]
    public void Endpoints_carry_the_default_certificate_and_the_host_rows()
    {
        using var json = JsonDocument.Parse(SampleReports.Render(SampleReports.Seed(), ReportFormat.Json));
        var endpoint = json.RootElement.GetProperty("endpoints")[0];

        Assert.Equal("*:443", endpoint.GetProperty("endpoint").GetString());
        Assert.Equal("ipport=0.0.0.0:443", endpoint.GetProperty("defaultRecord").GetString());
        var certificate = endpoint.GetProperty("defaultCertificate");
        Assert.Equal(SampleReports.SiteV1Certificate.Thumbprint, certificate.GetProperty("thumbprint").GetString());
        Assert.Equal("sitev1.mysite.com", certificate.GetProperty("dnsNames")[0].GetString());
        Assert.Equal(SampleReports.SiteV1Certificate.NotAfter, certificate.GetProperty("notAfter").GetDateTimeOffset());
        var host = endpoint.GetProperty("hosts")[1];
        Assert.Equal(["site", "hostname", "sni", "servedBy", "certificate", "status"], host.EnumerateObject().Select(p => p.Name));
        Assert.Equal("notCovered", host.GetProperty("status").GetString());
        Assert.False(host.GetProperty("sni").GetBoolean());
    }

    [Fact]
    public void Hostile_text_round_trips_unchanged()
    {
        using var json = JsonDocument.Parse(SampleReports.Render(SampleReports.Hostile_(), ReportFormat.Json));

        Assert.Equal(SampleReports.Hostile, json.RootElement.GetProperty("findings")[0].GetProperty("site").GetString());
        Assert.Equal(SampleReports.Hostile, json.RootElement.GetProperty("endpoints")[0].GetProperty("hosts")[0].GetProperty("site").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("endpoints")[0].GetProperty("defaultCertificate").ValueKind);
    }

    [Fact]
    public void A_certificate_with_hostile_text_reads_back_unchanged_wherever_it_is_written()
    {
        var certificate = new CertificateSummary("AB", "CN=" + SampleReports.Hostile, [SampleReports.Hostile, "*.bücher.example"],
            DateTimeOffset.UnixEpoch, "C:\\certs\\\"quoted\".pfx");
        var hosts = Enumerable.Range(0, 3).Select(i => new HostReport($"site{i}", $"h{i}.example", false, null, certificate, CoverageStatus.Covered)).ToList();
        var report = new VerificationReport([new EndpointReport("*:443", "ipport=0.0.0.0:443", certificate, hosts)], []);

        using var json = JsonDocument.Parse(SampleReports.Render(report, ReportFormat.Json));

        var endpoint = json.RootElement.GetProperty("endpoints")[0];
        var written = endpoint.GetProperty("hosts").EnumerateArray().Select(h => h.GetProperty("certificate")).Prepend(endpoint.GetProperty("defaultCertificate"));
        Assert.All(written, c =>
        {
            Assert.Equal(certificate.Subject, c.GetProperty("subject").GetString());
            Assert.Equal(certificate.DnsNames, c.GetProperty("dnsNames").EnumerateArray().Select(n => n.GetString()));
            Assert.Equal(certificate.Source, c.GetProperty("source").GetString());
        });
    }

    [Fact]
    public void Every_status_is_written_with_its_camel_case_contract_name()
    {
        var statuses = Enum.GetValues<CoverageStatus>();
        var hosts = statuses.Select(status => new HostReport("site", $"{status}.example", false, null, null, status)).ToList();
        var report = new VerificationReport([new EndpointReport("*:443", null, null, hosts)], []);

        using var json = JsonDocument.Parse(SampleReports.Render(report, ReportFormat.Json));

        Assert.Equal(
            statuses.Select(status => JsonNamingPolicy.CamelCase.ConvertName(status.ToString())),
            json.RootElement.GetProperty("endpoints")[0].GetProperty("hosts").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
    }
}
