using IisSsl.Model;
using IisSsl.Reporting;

namespace IisSsl.Analysis;

/// <summary>
/// For each https binding of an endpoint, what each kind of client really gets: SNI bindings on the SNI path;
/// non-SNI bindings on both paths (modern browsers send SNI whatever the binding's flags, legacy and IP-literal
/// clients do not); catch-all bindings on the no-SNI path. Raises the coverage and certificate findings of each
/// binding and returns its report row, which shows the worst of its paths.
/// </summary>
internal sealed class BindingCoverageRule(AnalysisOptions options)
{
    private readonly Dictionary<CertificateInfo, CertificateProblem[]> _problems =
        new(ReferenceEqualityComparer.Instance);

    private readonly Dictionary<CertificateInfo, CertificateSummary> _summaries = new(ReferenceEqualityComparer.Instance);

    // The rows of an endpoint mostly meet the same certificate: its name sets are kept at hand.
    private CertificateInfo? _namesOf;
    private CertificateNameMatcher.NameSets? _names;

    /// <summary>The report rows of the bindings at <paramref name="at"/>, in its order, and their findings.</summary>
    public HostReport[] Evaluate(EndpointBindings at, CertificateResolver.EndpointHandshakes handshakes, List<Finding> findings)
    {
        var rows = new HostReport[at.Bindings.Count];
        for (var i = 0; i < rows.Length; i++)
            rows[i] = Evaluate(at.Bindings[i].Site, at.Bindings[i].Binding, at, handshakes, findings);
        return rows;
    }

    private HostReport Evaluate(Site site, Binding binding, EndpointBindings at, CertificateResolver.EndpointHandshakes handshakes, List<Finding> findings)
    {
        var first = PathsOf(binding, handshakes, out var second);
        var status = Check(site, binding, at, first, checkedCertificate: null, findings);
        var shown = first.Served;
        if (second is { } other)
        {
            var otherStatus = Check(site, binding, at, other, checkedCertificate: first.Served.Certificate, findings);
            if (Rank(otherStatus) > Rank(status))
                (status, shown) = (otherStatus, other.Served);
        }

        return new HostReport(site.Name, binding.Host?.Value, binding.UsesSni, shown.RecordKey,
            shown.Certificate is { } certificate ? Summary(certificate) : null, status);
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

    /// <summary>
    /// Raises the findings of one path (unless its certificate's own problems were already raised for the other path)
    /// and returns its status.
    /// </summary>
    private CoverageStatus Check(Site site, Binding binding, EndpointBindings at, ServedPath path, CertificateInfo? checkedCertificate, List<Finding> findings)
    {
        var (clients, served) = path;
        var status = StatusOf(binding, served);
        var message = status switch
        {
            CoverageStatus.NoCertificate => (FindingCodes.NoCertificateBound, CoverageMessages.NoCertificate(at, binding, clients)),
            CoverageStatus.CertificateMissing => (FindingCodes.CertificateNotFound, CoverageMessages.CertificateMissing(at, binding, served, clients)),
            CoverageStatus.NotCovered => (FindingCodes.HostNotCovered, CoverageMessages.NotCovered(at, binding, served, clients)),
            _ => ((string Code, string Text)?)null,
        };
        if (message is { } m)
            findings.Add(FindingFor(site, binding, at, m.Code, Severity.Error, m.Text));

        if (served.Certificate is { } certificate && !ReferenceEquals(certificate, checkedCertificate))
            AddCertificateProblems(site, binding, at, served, certificate, findings);
        return status;
    }

    /// <summary>
    /// The one or two paths a binding is reached by: a <paramref name="second"/> only when SNI and non-SNI clients get
    /// different records. (An out parameter rather than a tuple of structs, whose code ReadyToRun does not precompile.)
    /// </summary>
    private static ServedPath PathsOf(Binding binding, CertificateResolver.EndpointHandshakes handshakes, out ServedPath? second)
    {
        second = null;
        if (binding.Host is not { } host)
            return new(ClientKind.All, handshakes.WithoutSni);

        var withSni = handshakes.WithSni(host);
        if (binding.UsesSni)
            return new(ClientKind.WithSni, withSni);

        var withoutSni = handshakes.WithoutSni;
        if (withSni.ServesSameAs(withoutSni))
            return new(ClientKind.All, withSni);
        second = new(ClientKind.WithoutSni, withoutSni);
        return new(ClientKind.WithSni, withSni);
    }

    private CoverageStatus StatusOf(Binding binding, Handshake served) => served switch
    {
        { HasRecord: false } => CoverageStatus.NoCertificate,
        { Certificate: null } => CoverageStatus.CertificateMissing,
        _ when binding.Host is null => CoverageStatus.AnyName,
        _ => Covers(served.Certificate, binding.Host) ? CoverageStatus.Covered : CoverageStatus.NotCovered,
    };

    private bool Covers(CertificateInfo certificate, HostName host)
    {
        if (!ReferenceEquals(certificate, _namesOf))
            (_namesOf, _names) = (certificate, CertificateNameMatcher.NamesOf(certificate));
        return CertificateNameMatcher.Covers(_names!, certificate, host);
    }

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

    private readonly record struct ServedPath(ClientKind Clients, Handshake Served);
}
