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

    public static ShadowingIpPorts None { get; } = new([]);

    public ShadowingIpPorts(IReadOnlyList<CertificateResolver.ShadowingRecords> groups)
    {
        Groups = groups;
        for (var i = 0; i < groups.Count; i++)
        {
            RecordCount += groups[i].Records.Count;
            if (groups[i].Served.Certificate is not { } certificate)
            {
                Unreadable = i;
                continue;
            }

            _byCertificate[certificate] = i;
            foreach (var name in certificate.DnsNames)
            {
                if (name.StartsWith("*.", StringComparison.Ordinal))
                    Add(_byWildcardParent, name[2..], i);
                Add(_byName, name, i);
            }
        }
    }

    /// <summary>One group per certificate served (and one for all the records whose certificate could not be read), in record order.</summary>
    public IReadOnlyList<CertificateResolver.ShadowingRecords> Groups { get; }

    /// <summary>How many specific-IP records the groups hold.</summary>
    public int RecordCount { get; }

    /// <summary>The group of the records whose certificate could not be read; -1 when there is none.</summary>
    public int Unreadable { get; } = -1;

    /// <summary>The group of the records serving <paramref name="certificate"/>; -1 when none does.</summary>
    public int GroupServing(CertificateInfo certificate) => _byCertificate.GetValueOrDefault(certificate, -1);

    /// <summary>
    /// The groups whose certificate might cover <paramref name="host"/>: a DNS name equal to it or a wildcard over its
    /// parent. A superset: the caller decides each with the name matcher. For an IP literal, every group (IP SANs
    /// are not indexed).
    /// </summary>
    public IEnumerable<int> Candidates(HostName host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.IsIpLiteral)
            return Enumerable.Range(0, Groups.Count);
        var exact = _byName.GetValueOrDefault(host.Value);
        var dot = host.Value.IndexOf('.', StringComparison.Ordinal);
        var wildcard = host.IsWildcard || dot <= 0 ? null : _byWildcardParent.GetValueOrDefault(host.Value[(dot + 1)..]);
        return (exact, wildcard) switch
        {
            (null, null) => [],
            (_, null) => exact,
            (null, _) => wildcard,
            _ => exact.Union(wildcard),
        };
    }

    private static void Add(Dictionary<string, List<int>> index, string name, int group)
    {
        if (!index.TryGetValue(name, out var groups))
            index[name] = groups = [];
        if (groups.Count == 0 || groups[^1] != group)
            groups.Add(group);
    }
}
