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
        return Covers(NamesOf(certificate), certificate, host);
    }

    /// <summary>The name sets of <paramref name="certificate"/>, built on first use; a caller may keep them at hand.</summary>
    internal static NameSets NamesOf(CertificateInfo certificate) => Names.GetValue(certificate, static c => new NameSets(c.DnsNames));

    /// <summary>As <see cref="Covers(CertificateInfo, HostName)"/>, with the certificate's <see cref="NamesOf">name sets</see>.</summary>
    internal static bool Covers(NameSets names, CertificateInfo certificate, HostName host)
    {
        if (host.IsWildcard)
            return names.HasExact(host.Value);
        if (host.IsIpLiteral)
            return MatchesHostname(certificate, host);
        if (names.HasExact(host.Value))
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

    /// <summary>A certificate's DNS names, for finding one equal to a host name or a wildcard over its parent.</summary>
    internal sealed class NameSets
    {
        /// <summary>Up to this many names are scanned; more go into a set.</summary>
        private const int ScannedNames = 8;

        private readonly string[] _exact;
        private readonly HashSet<string>? _exactSet;
        private readonly WildcardName[] _wildcards = [];

        public NameSets(IReadOnlyList<string> dnsNames)
        {
            // A shared IP's SAN certificate carries hundreds of names: those go into the set only, not into a copy as well.
            if (dnsNames.Count > ScannedNames)
                (_exact, _exactSet) = ([], new HashSet<string>(dnsNames, StringComparer.OrdinalIgnoreCase));
            else
                _exact = [.. dnsNames];
            List<WildcardName>? wildcards = null;
            foreach (var name in dnsNames)
            {
                if (name.StartsWith("*.", StringComparison.Ordinal))
                    (wildcards ??= []).Add(new WildcardName(name[2..]));
            }

            if (wildcards is not null)
                _wildcards = [.. wildcards];
        }

        /// <summary>Whether a SAN is <paramref name="name"/> itself (ignoring case).</summary>
        public bool HasExact(string name)
        {
            if (_exactSet is not null)
                return _exactSet.Contains(name);
            foreach (var exact in _exact)
            {
                if (string.Equals(exact, name, StringComparison.OrdinalIgnoreCase))
                    return true;
            }

            return false;
        }

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

    internal sealed class WildcardName(string parent)
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
