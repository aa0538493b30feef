using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>
/// Does a certificate cover a host name, the way a browser decides (RFC 6125, SAN only, no CN fallback)?
/// Concrete names are decided by the BCL's <c>MatchesHostname</c>; an IIS wildcard host header <c>*.a.com</c>
/// stands for an open-ended set of names, so only the same wildcard SAN <c>*.a.com</c> covers it.
/// </summary>
/// <remarks>
/// <c>MatchesHostname</c> costs tens of microseconds a call, too slow for 50,000 bindings. So the answers that
/// need no interpretation are taken from the certificate's name sets first: a SAN equal to the name covers it,
/// and a name with neither an equal SAN nor a wildcard SAN over its parent cannot be covered. Wildcard candidates
/// go to the BCL once per parent for plain LDH labels (whose verdict cannot depend on which label it is), and every
/// time for anything else (IP literals, <c>xn--</c> labels). Property tests pin this to <c>MatchesHostname</c>.
/// </remarks>
public static class CertificateNameMatcher
{
    private static readonly ConditionalWeakTable<CertificateInfo, NameSets> Names = [];

    public static bool Covers(CertificateInfo certificate, HostName host)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(host);
        var names = Names.GetValue(certificate, static c => new NameSets(c.DnsNames));
        if (host.IsWildcard)
            return names.Exact.Contains(host.Value);
        if (host.IsIpLiteral)
            return MatchesHostname(certificate, host);
        if (names.Exact.Contains(host.Value))
            return true;
        var dot = host.Value.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
            return false;
        var parent = host.Value.AsSpan(dot + 1);
        if (names.Wildcards is not { } wildcards || !wildcards.Parents.GetAlternateLookup<ReadOnlySpan<char>>().Contains(parent))
            return false;
        if (!IsPlainLabel(host.Value.AsSpan(0, dot)))
            return MatchesHostname(certificate, host);
        var verdicts = wildcards.PlainChildVerdicts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (verdicts.TryGetValue(parent, out var verdict))
            return verdict;
        verdict = MatchesHostname(certificate, host);
        verdicts.TryAdd(parent, verdict);
        return verdict;
    }

    private static bool IsPlainLabel(ReadOnlySpan<char> label) =>
        !label.StartsWith("xn--", StringComparison.Ordinal) && label[0] != '-' && label[^1] != '-'
        && !label.ContainsAnyExcept(PlainLabelCharacters);

    private static readonly System.Buffers.SearchValues<char> PlainLabelCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    internal static bool MatchesHostname(CertificateInfo certificate, HostName host) =>
        certificate.Certificate.MatchesHostname(host.Value, allowWildcards: true, allowCommonName: false);

    private sealed class NameSets
    {
        public NameSets(IEnumerable<string> dnsNames)
        {
            foreach (var name in dnsNames)
            {
                Exact.Add(name);
                if (name.StartsWith("*.", StringComparison.Ordinal))
                    (Wildcards ??= new WildcardNames()).Parents.Add(name[2..]);
            }
        }

        public HashSet<string> Exact { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Null for the many certificates without a wildcard SAN, which then cost no more than their names.</summary>
        public WildcardNames? Wildcards { get; }
    }

    private sealed class WildcardNames
    {
        public HashSet<string> Parents { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>The BCL's verdict for a plain LDH label under each wildcard parent (the same for every such label).</summary>
        public ConcurrentDictionary<string, bool> PlainChildVerdicts { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
