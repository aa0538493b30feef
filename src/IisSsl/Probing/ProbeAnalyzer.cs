using System.Security.Authentication;
using IisSsl.Analysis;
using IisSsl.Model;
using IisSsl.Reporting;

namespace IisSsl.Probing;

/// <summary>
/// Judges what the handshakes showed, with the same rules and codes as verify, and lays it out as a
/// <see cref="VerificationReport"/>: one endpoint per target (its no-SNI certificate as the default), one host
/// report per handshake that names a host. Findings follow the plan's order, so two runs read the same.
/// </summary>
internal static class ProbeAnalyzer
{
    public const string ServedBySni = "SNI host";
    public const string ServedByNoSni = "no SNI";

    public static VerificationReport Analyze(ProbePlan plan, IReadOnlyList<HandshakeResult> results, AnalysisOptions options, HttpExpectation? http)
    {
        var certificates = new Dictionary<string, CertificateInfo>(StringComparer.Ordinal);
        var byEndpoint = results.ToLookup(r => r.Request.EndpointIndex);
        var findings = new List<Finding>(plan.Notes);
        var endpoints = new List<EndpointReport>(plan.Endpoints.Count);
        var noSniOnly = results.All(r => r.Request.Host is null);

        for (var i = 0; i < plan.Endpoints.Count; i++)
        {
            var context = new EndpointContext(plan.Endpoints[i], [.. byEndpoint[i]], certificates, options, findings);
            endpoints.Add(context.Analyze(http, noSniOnly));
        }

        if (plan.Endpoints.Count > 1)
            findings.AddRange(Inconsistencies(plan, results));
        return new VerificationReport(endpoints, findings, Scope(plan, results, certificates.Count));
    }

    /// <summary>What the probe read (targets, handshakes, the certificates presented) and the host names it checked.</summary>
    private static ReportScope Scope(ProbePlan plan, IReadOnlyList<HandshakeResult> results, int certificates) => new(
        [
            new("targets", plan.Endpoints.Count, "target", "targets"),
            new("handshakes", results.Count, "handshake", "handshakes"),
            new("certificates", certificates, "certificate presented", "certificates presented"),
        ],
        [new("hostNames", plan.Endpoints.Sum(e => e.Hosts.Count), "host name", "host names")],
        plan.Endpoints.Count == 0 ? "No target to probe: there was nothing to check." : null);

    /// <summary>Farm nodes that present different certificates for the same name (or without SNI).</summary>
    private static IEnumerable<Finding> Inconsistencies(ProbePlan plan, IReadOnlyList<HandshakeResult> results)
    {
        var served = new Dictionary<string, List<(string Target, string Thumbprint)>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var result in results.Where(r => r.Succeeded))
        {
            var key = result.Request.Host?.Value ?? string.Empty;
            if (!served.TryGetValue(key, out var list))
            {
                served[key] = list = [];
                order.Add(key);
            }

            list.Add((result.Request.Target.Display, result.Leaf!.Thumbprint.ToUpperInvariant()));
        }

        foreach (var key in order)
        {
            var list = served[key];
            if (list.Select(s => s.Thumbprint).Distinct(StringComparer.Ordinal).Count() < 2)
                continue;
            var what = key.Length == 0 ? "without SNI" : $"for {key}";
            var detail = string.Join(", ", list.Select(s => $"{s.Target} {s.Thumbprint}"));
            yield return new Finding(
                FindingCodes.InconsistentAcrossTargets,
                Severity.Warning,
                $"The targets present different certificates {what}: {detail}.",
                HostName: key.Length == 0 ? null : key);
        }
    }

    private sealed class EndpointContext(
        ProbeEndpoint endpoint,
        HandshakeResult[] results,
        Dictionary<string, CertificateInfo> certificates,
        AnalysisOptions options,
        List<Finding> findings)
    {
        private readonly string _target = endpoint.Target.Display;

        public EndpointReport Analyze(HttpExpectation? http, bool noSniOnly)
        {
            var noSni = results.FirstOrDefault(r => r.Request.Host is null);
            var sni = results.Where(r => r.Request.Host is not null).ToDictionary(r => r.Request.Host!);
            var hosts = new List<HostReport>();
            ReportFailures(noSniOnly);

            foreach (var host in endpoint.Hosts)
            {
                if (sni.TryGetValue(host.Name, out var result))
                {
                    hosts.Add(HostReportFor(host, result, sni: true));
                    CheckSite(host, result, http);
                }

                if (host.NeedsNoSniCoverage && noSni is not null)
                    hosts.Add(HostReportFor(host, noSni, sni: false));
            }

            CheckCertificates();
            return new EndpointReport(
                _target,
                noSni is null ? null : ServedByNoSni,
                noSni is { Succeeded: true } ? Summary(noSni) : null,
                hosts);
        }

        private HostReport HostReportFor(ProbeHost host, HandshakeResult result, bool sni)
        {
            if (!result.Succeeded)
                return new HostReport(host.Site, host.Name.Value, sni, sni ? ServedBySni : ServedByNoSni, null, CoverageStatus.NoCertificate);

            var certificate = Info(result);
            var covered = CertificateNameMatcher.Covers(certificate, host.Name);
            if (!covered)
            {
                var names = certificate.DnsNames.Count == 0 ? "no DNS names" : "only " + Describe.Names(certificate.DnsNames);
                findings.Add(new Finding(
                    FindingCodes.HostNotCovered,
                    Severity.Error,
                    $"{_target} presents {certificate} for {host.Name}{(sni ? string.Empty : " to clients without SNI")}, which names {names}.",
                    SiteOf(host),
                    _target,
                    host.Name.Value));
            }

            return new HostReport(
                host.Site,
                host.Name.Value,
                sni,
                sni ? ServedBySni : ServedByNoSni,
                Summary(result),
                covered ? CoverageStatus.Covered : CoverageStatus.NotCovered);
        }

        /// <summary>
        /// Connection trouble is about the target, so it is reported once per target and kind, not per host. A failed
        /// handshake without SNI only warns (legacy clients are rare) unless a host here must be served without SNI.
        /// </summary>
        private void ReportFailures(bool noSniOnly)
        {
            foreach (var group in results.Where(r => r.FailedToConnect).GroupBy(r => r.Outcome))
            {
                var first = group.First();
                var count = group.Count();
                var suffix = count > 1 ? $" ({count} of {results.Length} handshakes on this target)" : string.Empty;
                findings.Add(new Finding(
                    group.Key == HandshakeOutcome.Timeout ? FindingCodes.Timeout : FindingCodes.ConnectionFailed,
                    Severity.Error,
                    $"{first.Error}{suffix}, after {first.Attempts} attempts.",
                    Endpoint: _target,
                    HostName: first.Request.Host?.Value));
            }

            foreach (var failed in results.Where(r => r.Outcome == HandshakeOutcome.HandshakeFailed))
            {
                var host = failed.Request.Host;
                if (host is null && !noSniOnly && !endpoint.Hosts.Any(h => h.NeedsNoSniCoverage))
                {
                    findings.Add(new Finding(
                        FindingCodes.SniWithoutFallback,
                        Severity.Warning,
                        $"Clients without SNI cannot connect to {_target}: {failed.Error}.",
                        Endpoint: _target));
                    continue;
                }

                findings.Add(new Finding(FindingCodes.HandshakeFailed, Severity.Error, $"{failed.Error}.", SiteOf(host), _target, host?.Value));
            }
        }

        private void CheckSite(ProbeHost host, HandshakeResult result, HttpExpectation? http)
        {
            if (http is null || result.Http is not { } answer)
                return;
            var marker = http.BodyContains?.Replace("{host}", host.Name.Value, StringComparison.Ordinal);
            string? problem = answer switch
            {
                { StatusCode: null } => $"gave no HTTP answer ({answer.Error})",
                _ when http.Status is { } status && answer.StatusCode != status => $"answered {answer.StatusCode}, not {status}",
                _ when marker is not null && !answer.Body.Contains(marker, StringComparison.Ordinal) => $"answered without '{marker}' in the body",
                _ => null,
            };
            if (problem is not null)
            {
                findings.Add(new Finding(
                    FindingCodes.WrongSite,
                    Severity.Error,
                    $"{_target} {problem} for GET {http.Path} with Host {host.Name}: another site may be answering.",
                    SiteOf(host),
                    _target,
                    host.Name.Value));
            }
        }

        /// <summary>Validity and trust are facts of a certificate: judged once per certificate this target presents.</summary>
        private void CheckCertificates()
        {
            foreach (var group in results.Where(r => r.Succeeded).GroupBy(r => r.Leaf!.Thumbprint, StringComparer.OrdinalIgnoreCase))
            {
                var first = group.First();
                var names = group.Select(r => r.Request.Host?.Value ?? ServedByNoSni).ToArray();
                var servedFor = names.Length == 1 ? $"for {names[0]}" : $"for {names[0]} and {names.Length - 1} more";
                var trustProblem = group.Select(r => r.TrustProblem).FirstOrDefault(p => p is not null);
                findings.AddRange(PresentedCertificateChecks.Check(Info(first), trustProblem, _target, first.Request.Host?.Value, servedFor, options));
            }
        }

        private CertificateInfo Info(HandshakeResult result)
        {
            var thumbprint = result.Leaf!.Thumbprint.ToUpperInvariant();
            if (!certificates.TryGetValue(thumbprint, out var info))
                certificates[thumbprint] = info = CertificateInfo.From(result.Leaf, "presented by the server", hasPrivateKey: null);
            return info;
        }

        private CertificateSummary Summary(HandshakeResult result)
        {
            var info = Info(result);
            var cipher = result.Cipher is { } suite ? ", " + suite : string.Empty;
            var problems = PresentedCertificateChecks.Check(info, result.TrustProblem, _target, null, string.Empty, options).Select(f => f.Code).Distinct(StringComparer.Ordinal);
            return CertificateSummary.Of(info, $"presented by {_target} ({Protocol(result.Protocol)}{cipher})", [.. problems]);
        }

        private static string? SiteOf(ProbeHost host) => host.Site.Length == 0 ? null : host.Site;

        private string? SiteOf(HostName? host) =>
            host is null ? null : endpoint.Hosts.FirstOrDefault(h => h.Name.Equals(host)) is { Site.Length: > 0 } found ? found.Site : null;

#pragma warning disable SYSLIB0039 // Naming legacy protocols is the point: a server still negotiating them is worth seeing.
        private static string Protocol(SslProtocols protocol) => protocol switch
        {
            SslProtocols.Tls13 => "TLS 1.3",
            SslProtocols.Tls12 => "TLS 1.2",
            SslProtocols.Tls11 => "TLS 1.1",
            SslProtocols.Tls => "TLS 1.0",
            _ => protocol.ToString(),
        };
#pragma warning restore SYSLIB0039
    }
}
