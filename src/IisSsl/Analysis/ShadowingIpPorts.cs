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
    private readonly Dictionary<string, List<int>> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<int>> _byWildcardParent = new(StringComparer.OrdinalIgnoreCase);

    private readonly List<CertificateResolver.ShadowingRecords> _groups = [];

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

        return shadowing._groups.Count == 0 ? None : shadowing;
    }

    private CertificateResolver.ShadowingRecords GroupOf(Handshake served)
    {
        RecordCount++;
        var group = served.Certificate is { } certificate ? GroupServing(certificate) : Unreadable;
        if (group >= 0)
            return _groups[group];

        group = _groups.Count;
        _groups.Add(new CertificateResolver.ShadowingRecords(served, [], []));
        if (served.Certificate is not { } read)
        {
            Unreadable = group;
            return _groups[group];
        }

        _byCertificate[read] = group;
        foreach (var name in read.DnsNames)
        {
            if (name.StartsWith("*.", StringComparison.Ordinal))
                Add(_byWildcardParent, name[2..], group);
            Add(_byName, name, group);
        }

        return _groups[group];
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

        AddGroupsOf(_byName, host.Value, groups);
        var dot = host.Value.IndexOf('.', StringComparison.Ordinal);
        if (!host.IsWildcard && dot > 0 && _byWildcardParent.Count > 0)
            AddGroupsOf(_byWildcardParent, host.Value[(dot + 1)..], groups);
    }

    private static void AddGroupsOf(Dictionary<string, List<int>> index, string name, List<int> groups)
    {
        if (!index.TryGetValue(name, out var named))
            return;
        foreach (var group in named)
        {
            if (!groups.Contains(group))
                groups.Add(group);
        }
    }

    private static void Add(Dictionary<string, List<int>> index, string name, int group)
    {
        if (!index.TryGetValue(name, out var groups))
            index[name] = groups = [];
        if (groups.Count == 0 || groups[^1] != group)
            groups.Add(group);
    }
}
