using IisSsl.Analysis;
using IisSsl.Model;
using IisSsl.Reporting;

namespace IisSsl.Tests.Analysis;

internal static class Analyze
{
    public static VerificationReport Run(ServerBuilder server, int expiryWarningDays = 30) =>
        CoverageAnalyzer.Analyze(server.Build(), new AnalysisOptions(DateTimeOffset.UtcNow, expiryWarningDays));

    public static HostReport Host(this VerificationReport report, string? host, string? site = null) =>
        report.Endpoints.SelectMany(e => e.Hosts).Single(h => h.HostName == host && (site is null || h.Site == site));

    public static Finding[] Codes(this VerificationReport report, string code) =>
        [.. report.Findings.Where(f => f.Code == code)];

    public static Binding Https(string bindingInformation, SslFlags flags = SslFlags.None, int line = 0) =>
        ServerBuilder.Https(bindingInformation, flags, line);
}
