using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>
/// The specific-IP <c>ipport</c> records of one port, which HTTP.SYS serves before the SNI and wildcard records of a
/// <c>*</c> binding on that port (see <see cref="ShadowedByIpPortRule"/>), grouped by the certificate they serve. A
/// shared-hosting server has dozens of them and thousands of <c>*</c> bindings, so the names their certificates carry
/// are indexed: which groups could cover a host costs a couple of lookups, not one check per group.
/// </summary>
internal sealed class ShadowingIpPorts
{
    private readonly Dictionary<CertificateInfo, int> _byCertificate = new(ReferenceEqualityComparer.Instance);
    private readonly List<CertificateResolver.ShadowingRecords> _groups = [];
    private NameIndex _byName = NameIndex.Empty;
    private NameIndex _byWildcardParent = NameIndex.Empty;

    public static ShadowingIpPorts None { get; } = new();

    private ShadowingIpPorts()
    {
    }

    /// <summary>The specific-IP records of one port, each with what HTTP.SYS serves on it, grouped by that certificate.</summary>
    public static ShadowingIpPorts Of(IEnumerable<(Handshake Served, SslCertBinding Record)> records)
    {
        var shadowing = new ShadowingIpPorts();
        foreach (var (served, record) in records)
        {
            var group = shadowing.GroupOf(served);
            group.Records.Add(record);
            group.Keys.Add(served.RecordKey!);
        }

        if (shadowing._groups.Count == 0)
            return None;
        shadowing.IndexNames();
        return shadowing;
    }

    private CertificateResolver.ShadowingRecords GroupOf(Handshake served)
    {
        RecordCount++;
        var group = served.Certificate is { } certificate ? GroupServing(certificate) : Unreadable;
        if (group >= 0)
            return _groups[group];

        group = _groups.Count;
        _groups.Add(new CertificateResolver.ShadowingRecords(served, [], []));
        if (served.Certificate is { } read)
            _byCertificate[read] = group;
        else
            Unreadable = group;
        return _groups[group];
    }

    /// <summary>Indexes the names of the groups' certificates, once every group is known (so the index is sized once).</summary>
    private void IndexNames()
    {
        var names = 0;
        foreach (var group in _groups)
            names += group.Served.Certificate?.DnsNames.Count ?? 0;
        (_byName, _byWildcardParent) = (new NameIndex(names), new NameIndex(0));
        for (var group = 0; group < _groups.Count; group++)
        {
            if (_groups[group].Served.Certificate is not { } certificate)
                continue;
            foreach (var name in certificate.DnsNames)
            {
                if (name.StartsWith("*.", StringComparison.Ordinal))
                    _byWildcardParent.Add(name[2..], group);
                _byName.Add(name, group);
            }
        }
    }

    /// <summary>One group per certificate served (and one for all the records whose certificate could not be read), in record order.</summary>
    public IReadOnlyList<CertificateResolver.ShadowingRecords> Groups => _groups;

    /// <summary>How many specific-IP records the groups hold.</summary>
    public int RecordCount { get; private set; }

    /// <summary>The group of the records whose certificate could not be read; -1 when there is none.</summary>
    public int Unreadable { get; private set; } = -1;

    /// <summary>The group of the records serving <paramref name="certificate"/>; -1 when none does.</summary>
    public int GroupServing(CertificateInfo certificate) => _byCertificate.GetValueOrDefault(certificate, -1);

    /// <summary>
    /// Replaces the content of <paramref name="groups"/> with the groups whose certificate might cover
    /// <paramref name="host"/>, each once: a DNS name equal to it or a wildcard over its parent. A superset: the
    /// caller decides each with the name matcher. For an IP literal, every group (IP SANs are not indexed).
    /// </summary>
    public void Candidates(HostName host, List<int> groups)
    {
        ArgumentNullException.ThrowIfNull(host);
        groups.Clear();
        if (host.IsIpLiteral)
        {
            for (var group = 0; group < _groups.Count; group++)
                groups.Add(group);
            return;
        }

        _byName.AddGroupsOf(host.Value, groups);
        var dot = host.Value.IndexOf('.', StringComparison.Ordinal);
        if (!host.IsWildcard && dot > 0 && !_byWildcardParent.IsEmpty)
            _byWildcardParent.AddGroupsOf(host.Value[(dot + 1)..], groups);
    }

    /// <summary>
    /// The groups whose certificate carries a name. A name is nearly always on one certificate only, so it maps to
    /// that group, and only the few names on several certificates keep a list of the others: a shared IP's SAN
    /// certificate carries hundreds of names, a list for each was most of what the index cost.
    /// </summary>
    private sealed class NameIndex(int capacity)
    {
        private readonly Dictionary<string, int> _first = new(capacity, StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<int>> _more = new(StringComparer.OrdinalIgnoreCase);

        public static NameIndex Empty { get; } = new(0);

        public bool IsEmpty => _first.Count == 0;

        /// <summary>Adds <paramref name="group"/> to the groups of <paramref name="name"/>; groups are added in increasing order.</summary>
        public void Add(string name, int group)
        {
            if (_first.TryGetValue(name, out var first))
            {
                if (first == group)
                    return;
                if (!_more.TryGetValue(name, out var more))
                    _more[name] = more = [];
                if (more.Count == 0 || more[^1] != group)
                    more.Add(group);
                return;
            }

            _first[name] = group;
        }

        /// <summary>Adds the groups of <paramref name="name"/> that <paramref name="groups"/> does not hold yet.</summary>
        public void AddGroupsOf(string name, List<int> groups)
        {
            if (!_first.TryGetValue(name, out var first))
                return;
            if (!groups.Contains(first))
                groups.Add(first);
            if (_more.Count == 0 || !_more.TryGetValue(name, out var more))
                return;
            foreach (var group in more)
            {
                if (!groups.Contains(group))
                    groups.Add(group);
            }
        }
    }
}
