using IisSsl.Model;
using IisSsl.Reporting;

namespace IisSsl.Analysis;

/// <summary>
/// For each https binding of an endpoint, what each kind of client really gets: SNI bindings on the SNI path;
/// non-SNI bindings on both paths (modern browsers send SNI whatever the binding's flags, legacy and IP-literal
/// clients do not); catch-all bindings on the no-SNI path; on a <c>*</c> endpoint, IPv4 and IPv6 clients apart when a
/// <c>[::]</c> record serves them differently, and the clients arriving on an address with its own <c>ipport</c> record
/// (<see cref="ShadowedByIpPortRule"/>). The paths come from <see cref="CertificateResolver.PathsOf"/>. Raises the
/// coverage and certificate findings of each binding and returns its report row, which shows the worst of its paths.
/// </summary>
internal sealed class BindingCoverageRule
{
    private readonly AnalysisOptions _options;
    private readonly ShadowedByIpPortRule _shadowed;

    private readonly Dictionary<CertificateInfo, CertificateProblem[]> _problems =
        new(ReferenceEqualityComparer.Instance);

    private readonly Dictionary<CertificateInfo, CertificateSummary> _summaries = new(ReferenceEqualityComparer.Instance);

    // One list of client paths for every binding of the endpoint (a large server has tens of thousands).
    private readonly List<ServedPath> _paths = new(4);

    // The rows of an endpoint mostly meet the same certificate: its name sets are kept at hand.
    private CertificateInfo? _namesOf;
    private CertificateNameMatcher.NameSets? _names;

    public BindingCoverageRule(AnalysisOptions options)
    {
        _options = options;
        _shadowed = new ShadowedByIpPortRule(Covers);
    }

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
        // The clients arriving on a specific-IP record's address are judged by ShadowedByIpPortRule, once per binding.
        var paths = _paths;
        paths.Clear();
        handshakes.ClientPathsOf(binding.Host, binding.UsesSni, paths);
        var status = CoverageStatus.Covered;
        Handshake? shown = null;
        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths[i];
            var pathStatus = Check(site, binding, at, path, AlreadyChecked(paths, i), findings);
            if (shown is null || Rank(pathStatus) > Rank(status))
                (status, shown) = (pathStatus, path.Served);
        }

        if (_shadowed.Apply(site, binding, at, paths, handshakes.Shadowing, findings) is { } shadowed && Rank(shadowed.Status) > Rank(status))
            (status, shown) = (shadowed.Status, shadowed.Served);

        return new HostReport(site.Name, binding.Host?.Value, binding.UsesSni, shown!.RecordKey,
            shown.Certificate is { } certificate ? Summary(certificate) : null, status);
    }

    /// <summary>Whether an earlier client path of the binding was served the certificate of path <paramref name="index"/>, whose problems it then raised.</summary>
    private static bool AlreadyChecked(IReadOnlyList<ServedPath> paths, int index)
    {
        var certificate = paths[index].Served.Certificate;
        for (var i = 0; i < index; i++)
        {
            if (ReferenceEquals(paths[i].Served.Certificate, certificate))
                return true;
        }

        return false;
    }

    /// <summary>Whether this endpoint's bindings already had <paramref name="certificate"/>'s own problems checked.</summary>
    public bool Checked(CertificateInfo certificate) => _problems.ContainsKey(certificate);

    public CertificateSummary Summary(CertificateInfo certificate)
    {
        if (!_summaries.TryGetValue(certificate, out var summary))
        {
            summary = CertificateSummary.Of(certificate, certificate.Source, [.. ProblemsOf(certificate).Select(p => p.Code)]);
            _summaries[certificate] = summary;
        }

        return summary;
    }

    /// <summary>
    /// Raises the findings of one path (unless its certificate's own problems were already raised for the other path)
    /// and returns its status.
    /// </summary>
    private CoverageStatus Check(Site site, Binding binding, EndpointBindings at, ServedPath path, bool certificateChecked, List<Finding> findings)
    {
        var served = path.Served;
        var status = StatusOf(binding, served);
        var message = status switch
        {
            CoverageStatus.NoCertificate => (FindingCodes.NoCertificateBound, CoverageMessages.NoCertificate(at, binding, path)),
            CoverageStatus.CertificateMissing => (FindingCodes.CertificateNotFound, CoverageMessages.CertificateMissing(at, binding, path)),
            CoverageStatus.NotCovered => (FindingCodes.HostNotCovered, CoverageMessages.NotCovered(at, binding, path)),
            _ => ((string Code, string Text)?)null,
        };
        if (message is { } m)
            findings.Add(FindingFor(site, binding, at, m.Code, Severity.Error, CoverageMessages.WithInference(m.Text, served)));

        if (served.Certificate is { } certificate && !certificateChecked)
            AddCertificateProblems(site, binding, at, served, certificate, findings);
        return status;
    }

    private CoverageStatus StatusOf(Binding binding, Handshake served) => served switch
    {
        { HasRecord: false } => CoverageStatus.NoCertificate,
        { Certificate: null } => CoverageStatus.CertificateMissing,
        _ when binding.Host is null => CoverageStatus.AnyName,
        _ => Covers(served.Certificate, binding.Host) ? CoverageStatus.Covered : CoverageStatus.NotCovered,
    };

    public bool Covers(CertificateInfo certificate, HostName host)
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

    /// <summary>The problems of <paramref name="certificate"/> itself, checked once per endpoint.</summary>
    public CertificateProblem[] ProblemsOf(CertificateInfo certificate)
    {
        if (!_problems.TryGetValue(certificate, out var problems))
        {
            problems = [.. CertificateHealthRule.Problems(certificate, _options)];
            _problems[certificate] = problems;
        }

        return problems;
    }

    private void AddCertificateProblems(Site site, Binding binding, EndpointBindings at, Handshake served, CertificateInfo certificate, List<Finding> findings)
    {
        var problems = ProblemsOf(certificate);

        foreach (var (code, severity, problem) in problems)
        {
            var text = CoverageMessages.WithInference(
                $"The certificate {certificate.Subject} (thumbprint {certificate.Thumbprint}) that {served.RecordKey} serves for {Describe.Host(binding.Host)} on {at.Name} {problem}.", served);
            findings.Add(FindingFor(site, binding, at, code, severity, text));
        }
    }

    private static Finding FindingFor(Site site, Binding binding, EndpointBindings at, string code, Severity severity, string message) =>
        new(code, severity, message, site.Name, at.Name, binding.Host?.Value, binding.Location);
}
