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

        Assert.Equal(["schemaVersion", "passed", "summary", "certificates", "endpoints", "findings"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, root.GetProperty("schemaVersion").GetInt32());
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
    public void The_summary_counts_findings_and_says_what_was_read_and_checked()
    {
        var report = SampleReports.Seed() with { Scope = ReportScope.Verify(2, 2, 1, 1, 2) };

        using var json = JsonDocument.Parse(SampleReports.Render(report, ReportFormat.Json));

        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("errors").GetInt32());
        Assert.Equal(1, summary.GetProperty("warnings").GetInt32());
        Assert.Equal(
            [("sites", 2), ("httpsBindings", 2), ("httpSysRecords", 1), ("certificates", 1)],
            summary.GetProperty("read").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())));
        Assert.Equal(2, summary.GetProperty("checked").GetProperty("httpsBindings").GetInt32());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("note").ValueKind);
    }

    [Fact]
    public void A_report_built_without_a_scope_says_nothing_rather_than_zero()
    {
        using var json = JsonDocument.Parse(SampleReports.Render(SampleReports.Seed(), ReportFormat.Json));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("summary").GetProperty("read").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("summary").GetProperty("checked").ValueKind);
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
    public void Endpoints_and_rows_name_their_certificate_by_thumbprint()
    {
        using var json = JsonDocument.Parse(SampleReports.Render(SampleReports.Seed(), ReportFormat.Json));
        var endpoint = json.RootElement.GetProperty("endpoints")[0];

        Assert.Equal("*:443", endpoint.GetProperty("endpoint").GetString());
        Assert.Equal("ipport=0.0.0.0:443", endpoint.GetProperty("defaultRecord").GetString());
        Assert.Equal(SampleReports.SiteV1Certificate.Thumbprint, endpoint.GetProperty("defaultCertificate").GetString());
        var host = endpoint.GetProperty("hosts")[1];
        Assert.Equal(["site", "hostname", "sni", "servedBy", "certificate", "status"], host.EnumerateObject().Select(p => p.Name));
        Assert.Equal(SampleReports.SiteV1Certificate.Thumbprint, host.GetProperty("certificate").GetString());
        Assert.Equal("notCovered", host.GetProperty("status").GetString());
        Assert.False(host.GetProperty("sni").GetBoolean());
    }

    [Fact]
    public void The_certificates_object_keeps_every_v1_certificate_field_keyed_by_thumbprint()
    {
        using var json = JsonDocument.Parse(SampleReports.Render(SampleReports.Seed(), ReportFormat.Json));

        var certificate = json.RootElement.GetProperty("certificates").GetProperty(SampleReports.SiteV1Certificate.Thumbprint);
        Assert.Equal(SampleReports.SiteV1Certificate.Thumbprint, certificate.GetProperty("thumbprint").GetString());
        Assert.Equal("CN=sitev1.mysite.com", certificate.GetProperty("subject").GetString());
        Assert.Equal(["sitev1.mysite.com"], certificate.GetProperty("dnsNames").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(SampleReports.SiteV1Certificate.NotAfter, certificate.GetProperty("notAfter").GetDateTimeOffset());
        Assert.Equal("certs/sitev1.cer", certificate.GetProperty("source").GetString());
    }

    [Fact]
    public void A_certificate_serving_many_rows_is_written_once()
    {
        var certificate = SampleReports.SiteV1Certificate with { DnsNames = [.. Enumerable.Range(0, 700).Select(i => $"name{i}.example")] };
        var hosts = Enumerable.Range(0, 50).Select(i => new HostReport($"site{i}", $"name{i}.example", false, "ipport=0.0.0.0:443", certificate, CoverageStatus.Covered)).ToList();
        var report = new VerificationReport([new EndpointReport("*:443", "ipport=0.0.0.0:443", certificate, hosts)], []);

        var text = SampleReports.Render(report, ReportFormat.Json);

        Assert.Equal(1, CountOf(text, "\"name699.example\""));
        using var json = JsonDocument.Parse(text);
        Assert.Single(json.RootElement.GetProperty("certificates").EnumerateObject());
        Assert.All(json.RootElement.GetProperty("endpoints")[0].GetProperty("hosts").EnumerateArray(),
            h => Assert.Equal(certificate.Thumbprint, h.GetProperty("certificate").GetString()));
    }

    [Fact]
    public void One_certificate_from_several_places_keeps_every_source_and_problem()
    {
        var fromFolder = SampleReports.SiteV1Certificate with { Problems = ["CertificateExpiresSoon"] };
        var fromStore = SampleReports.SiteV1Certificate with { Source = "ccs/sitev1.mysite.com.pfx", Problems = ["CertificateExpiresSoon", "WeakKey"] };
        var report = new VerificationReport(
        [
            new EndpointReport("*:443", "ipport=0.0.0.0:443", fromFolder, [new HostReport("a", "sitev1.mysite.com", true, "ccs=443", fromStore, CoverageStatus.Covered)]),
        ], []);

        using var json = JsonDocument.Parse(SampleReports.Render(report, ReportFormat.Json));

        var certificate = json.RootElement.GetProperty("certificates").GetProperty(fromFolder.Thumbprint);
        Assert.Equal("certs/sitev1.cer", certificate.GetProperty("source").GetString());
        Assert.Equal(["certs/sitev1.cer", "ccs/sitev1.mysite.com.pfx"], certificate.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["CertificateExpiresSoon", "WeakKey"], certificate.GetProperty("problems").EnumerateArray().Select(s => s.GetString()));
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
    public void A_certificate_with_hostile_text_reads_back_unchanged()
    {
        var certificate = new CertificateSummary("AB", "CN=" + SampleReports.Hostile, [SampleReports.Hostile, "*.bücher.example"],
            DateTimeOffset.UnixEpoch, "C:\\certs\\\"quoted\".pfx");
        var hosts = Enumerable.Range(0, 3).Select(i => new HostReport($"site{i}", $"h{i}.example", false, null, certificate, CoverageStatus.Covered)).ToList();
        var report = new VerificationReport([new EndpointReport("*:443", "ipport=0.0.0.0:443", certificate, hosts)], []);

        using var json = JsonDocument.Parse(SampleReports.Render(report, ReportFormat.Json));

        var written = json.RootElement.GetProperty("certificates").GetProperty("AB");
        Assert.Equal(certificate.Subject, written.GetProperty("subject").GetString());
        Assert.Equal(certificate.DnsNames, written.GetProperty("dnsNames").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(certificate.Source, written.GetProperty("source").GetString());
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

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
