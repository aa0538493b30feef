using IisSsl.Analysis;
using IisSsl.Model;
using IisSsl.Reporting;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Reporting;

/// <summary>Reports built by hand, so renderer tests do not depend on the analysis.</summary>
internal static class SampleReports
{
    public static readonly CertificateSummary SiteV1Certificate = new(
        "0123456789ABCDEF0123456789ABCDEF01234567", "CN=sitev1.mysite.com", ["sitev1.mysite.com"],
        new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), "certs/sitev1.cer");

    /// <summary>The seed case: two non-SNI sites on *:443, the shared certificate names only the first.</summary>
    public static VerificationReport Seed() => new(
        [
            new EndpointReport("*:443", "ipport=0.0.0.0:443", SiteV1Certificate,
            [
                new HostReport("MySite V1", "sitev1.mysite.com", false, "ipport=0.0.0.0:443", SiteV1Certificate, CoverageStatus.Covered),
                new HostReport("MySite V2", "sitev2.mysite.com", false, "ipport=0.0.0.0:443", SiteV1Certificate, CoverageStatus.NotCovered),
            ]),
        ],
        [
            new Finding(FindingCodes.HostNotCovered, Severity.Error, "sitev2.mysite.com is not covered by CN=sitev1.mysite.com.",
                "MySite V2", "*:443", "sitev2.mysite.com", new SourceLocation("applicationHost.config", 20)),
            new Finding(FindingCodes.SniWithoutFallback, Severity.Warning, "No fallback on *:8443.", Endpoint: "*:8443"),
        ]);

    public const string Hostile = "evil</failure>\"'&<x>%25\r\n::error ::pwn;]##vso[task.complete]|*_`\u001b[31m\u0001";

    /// <summary>A report whose every text field carries characters that break naive XML, JSON, Markdown and CI output.</summary>
    public static VerificationReport Hostile_() => new(
        [
            new EndpointReport("*:443", null, null,
            [
                new HostReport(Hostile, "a.example.com", true, null, null, CoverageStatus.NoCertificate),
            ]),
        ],
        [
            new Finding(FindingCodes.NoCertificateBound, Severity.Error, "Message " + Hostile, Hostile, "*:443", "a.example.com",
                new SourceLocation("C:/inetpub/app host,1:x.config", 7)),
        ]);

    /// <summary>The report as <paramref name="format"/>; a JSON report is checked against the published schema first.</summary>
    public static string Render(VerificationReport report, ReportFormat format)
    {
        using var writer = new StringWriter();
        ReportRenderer.Render(report, format, writer);
        if (format == ReportFormat.Json)
            ReportSchema.Validate(writer.ToString());
        return writer.ToString();
    }
}
