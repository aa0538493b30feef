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
        if (names.WildcardUnder(host.Value.AsSpan(dot + 1)) is not { } wildcard)
            return false;
        if (!IsPlainLabel(host.Value.AsSpan(0, dot)))
            return MatchesHostname(certificate, host);
        if (wildcard.PlainChildVerdict is { } verdict)
            return verdict;
        verdict = MatchesHostname(certificate, host);
        wildcard.PlainChildVerdict = verdict;
        return verdict;
    }

    private static bool IsPlainLabel(ReadOnlySpan<char> label)
    {
        if (label.StartsWith("xn--", StringComparison.Ordinal) || label[0] == '-' || label[^1] == '-')
            return false;
        foreach (var c in label)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
                return false;
        }

        return true;
    }

    internal static bool MatchesHostname(CertificateInfo certificate, HostName host) =>
        certificate.Certificate.MatchesHostname(host.Value, allowWildcards: true, allowCommonName: false);

    private sealed class NameSets
    {
        private readonly WildcardName[] _wildcards = [];

        public NameSets(IEnumerable<string> dnsNames)
        {
            List<WildcardName>? wildcards = null;
            foreach (var name in dnsNames)
            {
                Exact.Add(name);
                if (name.StartsWith("*.", StringComparison.Ordinal))
                    (wildcards ??= []).Add(new WildcardName(name[2..]));
            }

            if (wildcards is not null)
                _wildcards = [.. wildcards];
        }

        public HashSet<string> Exact { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>The wildcard SAN <c>*.parent</c> for <paramref name="parent"/>, if the certificate has one.</summary>
        /// <remarks>
        /// A certificate has few wildcard SANs, so they are scanned: a set looked up by span would be generic code
        /// that ReadyToRun does not precompile, and a one-shot CLI would run it unoptimised.
        /// </remarks>
        public WildcardName? WildcardUnder(ReadOnlySpan<char> parent)
        {
            foreach (var wildcard in _wildcards)
            {
                if (parent.Equals(wildcard.Parent, StringComparison.OrdinalIgnoreCase))
                    return wildcard;
            }

            return null;
        }
    }

    private sealed class WildcardName(string parent)
    {
        private volatile int _plainChildVerdict;

        public string Parent { get; } = parent;

        /// <summary>The BCL's verdict for a plain LDH label under this parent (the same for every such label), once asked.</summary>
        public bool? PlainChildVerdict
        {
            get => _plainChildVerdict switch { 0 => null, 1 => false, _ => true };
            set => _plainChildVerdict = value switch { null => 0, false => 1, true => 2 };
        }
    }
}
