namespace IisSsl.Reporting;

/// <summary>
/// The distinct certificates of a report, keyed by thumbprint in order of first appearance (default certificates and
/// host rows, endpoint by endpoint). The same certificate can reach a report from several places (a folder and the
/// Central Certificate Store, or several probed targets): its sources and problems are gathered, its facts are the
/// first one's.
/// </summary>
internal sealed class ReportCertificates
{
    private readonly Dictionary<CertificateSummary, Entry> _byReference = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Entry> _byThumbprint = new(StringComparer.Ordinal);

    private ReportCertificates()
    {
    }

    public List<Entry> InOrder { get; } = [];

    public static ReportCertificates Of(VerificationReport report)
    {
        var certificates = new ReportCertificates();
        foreach (var endpoint in report.Endpoints)
        {
            certificates.Add(endpoint.DefaultCertificate);
            foreach (var host in endpoint.Hosts)
                certificates.Add(host.Certificate);
        }

        return certificates;
    }

    // Rows mostly share a handful of summary objects: a reference lookup first, the thumbprint only for a new one.
    private void Add(CertificateSummary? certificate)
    {
        if (certificate is null || _byReference.ContainsKey(certificate))
            return;
        if (!_byThumbprint.TryGetValue(certificate.Thumbprint, out var entry))
        {
            entry = new Entry(certificate);
            _byThumbprint[certificate.Thumbprint] = entry;
            InOrder.Add(entry);
        }

        entry.Gather(certificate);
        _byReference[certificate] = entry;
    }

    /// <summary>One certificate: the facts of its first summary, every source and every problem any summary gave.</summary>
    internal sealed class Entry(CertificateSummary first)
    {
        private readonly HashSet<string> _seenSources = new(StringComparer.Ordinal);
        private readonly HashSet<string> _seenProblems = new(StringComparer.Ordinal);

        public CertificateSummary Facts { get; } = first;

        public List<string> Sources { get; } = [];

        public List<string> Problems { get; } = [];

        public void Gather(CertificateSummary certificate)
        {
            if (certificate.Source is { } source && _seenSources.Add(source))
                Sources.Add(source);
            foreach (var problem in certificate.Problems)
            {
                if (_seenProblems.Add(problem))
                    Problems.Add(problem);
            }
        }
    }
}
