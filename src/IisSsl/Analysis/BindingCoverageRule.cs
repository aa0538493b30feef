using IisSsl.Model;
using IisSsl.Reporting;

namespace IisSsl.Analysis;

/// <summary>
/// For one https binding, what each kind of client really gets: SNI bindings on the SNI path; non-SNI bindings on
/// both paths (modern browsers send SNI whatever the binding's flags, legacy and IP-literal clients do not);
/// catch-all bindings on the no-SNI path. Raises the coverage and certificate findings of that binding and returns
/// its report row, which shows the worst of its paths.
/// </summary>
internal sealed class BindingCoverageRule(CertificateResolver resolver, AnalysisOptions options)
{
    private readonly Dictionary<CertificateInfo, IReadOnlyList<(string Code, Severity Severity, string Problem)>> _problems =
        new(ReferenceEqualityComparer.Instance);

    private readonly Dictionary<CertificateInfo, CertificateSummary> _summaries = new(ReferenceEqualityComparer.Instance);

    public HostReport Evaluate(Site site, Binding binding, EndpointBindings at, List<Finding> findings)
    {
        var rowStatus = CoverageStatus.Covered;
        Handshake? rowHandshake = null;
        var rank = -1;
        CertificateInfo? firstCertificate = null;

        foreach (var (clients, served) in PathsOf(binding, at))
        {
            var status = StatusOf(binding, served);
            if (Rank(status) > rank)
                (rowStatus, rowHandshake, rank) = (status, served, Rank(status));

            var message = status switch
            {
                CoverageStatus.NoCertificate => (FindingCodes.NoCertificateBound, CoverageMessages.NoCertificate(at, binding, clients)),
                CoverageStatus.CertificateMissing => (FindingCodes.CertificateNotFound, CoverageMessages.CertificateMissing(at, binding, served, clients)),
                CoverageStatus.NotCovered => (FindingCodes.HostNotCovered, CoverageMessages.NotCovered(at, binding, served, clients)),
                _ => ((string Code, string Text)?)null,
            };
            if (message is { } m)
                findings.Add(FindingFor(site, binding, at, m.Code, Severity.Error, m.Text));

            if (served.Certificate is { } certificate && !ReferenceEquals(certificate, firstCertificate))
            {
                firstCertificate ??= certificate;
                AddCertificateProblems(site, binding, at, served, certificate, findings);
            }
        }

        return new HostReport(site.Name, binding.Host?.Value, binding.UsesSni, rowHandshake?.RecordKey,
            rowHandshake?.Certificate is { } served2 ? Summary(served2) : null, rowStatus);
    }

    public CertificateSummary Summary(CertificateInfo certificate)
    {
        if (!_summaries.TryGetValue(certificate, out var summary))
        {
            summary = new CertificateSummary(certificate.Thumbprint, certificate.Subject, certificate.DnsNames, certificate.NotAfter, certificate.Source);
            _summaries[certificate] = summary;
        }

        return summary;
    }

    private IEnumerable<(ClientKind Clients, Handshake Served)> PathsOf(Binding binding, EndpointBindings at)
    {
        if (binding.Host is not { } host)
        {
            yield return (ClientKind.All, resolver.WithoutSni(at.Endpoint));
            yield break;
        }

        var withSni = resolver.WithSni(at.Endpoint, host);
        if (binding.UsesSni)
        {
            yield return (ClientKind.WithSni, withSni);
            yield break;
        }

        var withoutSni = resolver.WithoutSni(at.Endpoint);
        if (withSni.ServesSameAs(withoutSni))
        {
            yield return (ClientKind.All, withSni);
            yield break;
        }

        yield return (ClientKind.WithSni, withSni);
        yield return (ClientKind.WithoutSni, withoutSni);
    }

    private static CoverageStatus StatusOf(Binding binding, Handshake served) => served switch
    {
        { HasRecord: false } => CoverageStatus.NoCertificate,
        { Certificate: null } => CoverageStatus.CertificateMissing,
        _ when binding.Host is null => CoverageStatus.AnyName,
        _ => CertificateNameMatcher.Covers(served.Certificate, binding.Host) ? CoverageStatus.Covered : CoverageStatus.NotCovered,
    };

    private static int Rank(CoverageStatus status) => status switch
    {
        CoverageStatus.NoCertificate => 4,
        CoverageStatus.CertificateMissing => 3,
        CoverageStatus.NotCovered => 2,
        _ => 1,
    };

    private void AddCertificateProblems(Site site, Binding binding, EndpointBindings at, Handshake served, CertificateInfo certificate, List<Finding> findings)
    {
        if (!_problems.TryGetValue(certificate, out var problems))
        {
            problems = [.. CertificateHealthRule.Problems(certificate, options)];
            _problems[certificate] = problems;
        }

        foreach (var (code, severity, problem) in problems)
        {
            var text = $"The certificate {certificate.Subject} (thumbprint {certificate.Thumbprint}) that {served.RecordKey} serves for {Describe.Host(binding.Host)} on {at.Name} {problem}.";
            findings.Add(FindingFor(site, binding, at, code, severity, text));
        }
    }

    private static Finding FindingFor(Site site, Binding binding, EndpointBindings at, string code, Severity severity, string message) =>
        new(code, severity, message, site.Name, at.Name, binding.Host?.Value, binding.Location);
}
