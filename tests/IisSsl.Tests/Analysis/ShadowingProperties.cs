using System.Net;
using FsCheck.Xunit;
using IisSsl.Analysis;
using IisSsl.Model;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Analysis;

/// <summary>
/// The shadowing specific-IP records of a <c>*</c> binding on generated servers: many addresses, certificates whose
/// names overlap (a name on several certificates, a wildcard parent on several, names in another case), unreadable
/// certificates, IP-literal and wildcard hosts. The name index finds every group that could cover a host, and the one
/// finding of each binding names its addresses and certificates worst first, as a reference written from the rule's
/// description (every group judged by the name matcher, no index) says it should.
/// </summary>
public sealed class ShadowingProperties
{
    private static readonly Lazy<CertificateInfo[]> Pool = new(() =>
    [
        .. new[]
        {
            TestCertificate.For("a.shop.test", "b.shop.test"),
            TestCertificate.For("b.shop.test", "c.shop.test"),
            TestCertificate.For("*.shop.test"),
            TestCertificate.For("*.shop.test", "a.shop.test"),
            TestCertificate.For("other.test"),
            TestCertificate.For("C.SHOP.TEST", "*.A.SHOP.TEST"),
        }.Select(c => c.EcdsaKey().Create()).Select(c => CertificateInfo.From(c, "certs/" + c.Thumbprint + ".cer", true)),
    ]);

    private static readonly string[] Hosts =
        ["a.shop.test", "b.shop.test", "c.shop.test", "x.shop.test", "deep.a.shop.test", "other.test", "*.shop.test", "10.0.0.1", "none.example"];

    private const int Port = 443;

    [Property(MaxTest = 300)]
    public bool The_name_index_finds_every_shadowing_group_whose_certificate_covers_the_host_each_once(byte[] recordPicks, byte hostPick)
    {
        var state = StateFrom(recordPicks, []);
        var shadowing = CertificateResolver.For(state).On(Endpoint.AllUnassigned(Port)).Shadowing;
        var host = HostName.Parse(Hosts[hostPick % Hosts.Length]);
        var candidates = new List<int> { 42 };
        shadowing.Candidates(host, candidates);
        var covering = Enumerable.Range(0, shadowing.Groups.Count)
            .Where(g => shadowing.Groups[g].Served.Certificate is { } certificate && CertificateNameMatcher.Covers(certificate, host));
        return candidates.Distinct().Count() == candidates.Count && candidates.All(g => g >= 0 && g < shadowing.Groups.Count)
            && covering.All(candidates.Contains);
    }

    [Property(MaxTest = 300)]
    public bool Each_binding_s_shadow_finding_names_the_worst_addresses_and_certificates_first_as_the_reference_does(byte[] recordPicks, byte[] bindingPicks)
    {
        var state = StateFrom(recordPicks, bindingPicks);
        var report = CoverageAnalyzer.Analyze(state, new AnalysisOptions(DateTimeOffset.UtcNow));
        var resolver = CertificateResolver.For(state);
        foreach (var site in state.Configuration.Sites)
        {
            var binding = site.Bindings[0];
            var found = report.Findings.Where(f => f.Code == FindingCodes.ShadowedByIpPortRecord && f.Site == site.Name).ToList();
            var expected = Reference(state, resolver, binding);
            if (expected is not { } want)
            {
                if (found.Count != 0)
                    return false;
                continue;
            }

            if (found.Count != 1 || found[0].Severity != want.Severity || !found[0].Message.Contains(want.Addresses, StringComparison.Ordinal))
                return false;
            var at = 0;
            foreach (var segment in want.Certificates)
            {
                at = found[0].Message.IndexOf(segment, at, StringComparison.Ordinal);
                if (at < 0)
                    return false;
                at += segment.Length;
            }
        }

        return true;
    }

    /// <summary>
    /// The finding's severity and its two lists, from the rule's description: the specific-IP records grouped by
    /// certificate in record order; the groups serving a certificate of the binding's own paths shadow nothing; the
    /// others are, worst first, unreadable, then not naming the host, then naming it; a few of each list, then how many
    /// more (the certificates as segments that follow each other in the message).
    /// </summary>
    private static (Severity Severity, string Addresses, string[] Certificates)? Reference(ServerState state, CertificateResolver resolver, Binding binding)
    {
        if (binding.Host is not { } host)
            return null;
        var own = resolver.PathsOf(binding.Endpoint!, host, binding.UsesSni)
            .Where(p => !p.IsShadowedBySpecificIp).Select(p => p.Served.Certificate).OfType<CertificateInfo>().ToHashSet();
        var groups = state.HttpSys.Bindings
            .Where(r => r.Kind == SslCertBindingKind.IpPort && r.Port == Port && !r.Address!.Equals(IPAddress.Any) && !r.Address.Equals(IPAddress.IPv6Any))
            .GroupBy(r => state.CertificatesByThumbprint.GetValueOrDefault(r.Thumbprint!))
            .Where(g => g.Key is null || !own.Contains(g.Key))
            .Select(g => (Certificate: g.Key, Records: g.ToList(), Rank: g.Key is null ? 0 : CertificateNameMatcher.Covers(g.Key, host) ? 2 : 1))
            .OrderBy(g => g.Rank)
            .ToList();
        if (groups.Count == 0)
            return null;

        var keys = groups.SelectMany(g => g.Records).Select(r => r.Key).ToList();
        var addresses = "that arrive on " + string.Join(", ", keys.Take(3)) + (keys.Count > 3 ? $" and {keys.Count - 3} more" : "") + " get the";
        // The unreadable group's reason is the resolver's sentence: its segment ends where the reason starts.
        string[] certificates =
        [
            .. groups.Take(3).Select(g => g.Records[0].Key + (g.Records.Count > 1 ? $" and {g.Records.Count - 1} more" : "")
                + (g.Certificate is not { } certificate ? ": no usable certificate ("
                    : $"{(g.Records.Count == 1 ? " serves " : " serve ")}{certificate.Subject} (thumbprint {certificate.Thumbprint})"
                    + (g.Rank == 1 ? $", which does not name {host.Value}" : ""))),
            groups.Count > 3 ? $"; and {groups.Count - 3} more certificate{(groups.Count == 4 ? "" : "s")}. " : ". ",
        ];
        return (groups[0].Rank == 2 ? Severity.Warning : Severity.Error, addresses, certificates);
    }

    /// <summary>
    /// Up to 12 specific-IP records on port 443 (each a certificate of the pool or one that cannot be read), a 0.0.0.0
    /// record, hostnameport records for some hosts, and up to 6 <c>*</c> bindings, each on a site of its own.
    /// </summary>
    private static ServerState StateFrom(byte[]? recordPicks, byte[]? bindingPicks)
    {
        var pool = Pool.Value;
        var records = new List<SslCertBinding> { new(SslCertBindingKind.IpPort, Port, IPAddress.Any, Thumbprint: pool[4].Thumbprint) };
        var picks = recordPicks ?? [];
        for (var i = 0; i < Math.Min(picks.Length, 12); i++)
        {
            var thumbprint = picks[i] % (pool.Length + 1) is var c && c < pool.Length ? pool[c].Thumbprint : "AB12";
            records.Add(new SslCertBinding(SslCertBindingKind.IpPort, Port, IPAddress.Parse($"10.0.0.{i + 1}"), Thumbprint: thumbprint));
        }

        foreach (var pick in picks.Skip(12).Take(3))
        {
            var host = HostName.Parse(Hosts[pick % 6]);
            if (records.All(r => !Equals(r.Host, host)))
                records.Add(new SslCertBinding(SslCertBindingKind.HostnamePort, Port, Host: host, Thumbprint: pool[pick / 6 % pool.Length].Thumbprint));
        }

        var sites = new List<Site>();
        foreach (var pick in (bindingPicks ?? []).Take(6))
        {
            var host = Hosts[pick % Hosts.Length];
            var sni = pick / Hosts.Length % 2 == 1;
            sites.Add(new Site($"S{sites.Count + 1}", sites.Count + 1,
                [new Binding("https", $"*:{Port}:{host}", Endpoint.AllUnassigned(Port), HostName.Parse(host), sni ? SslFlags.Sni : SslFlags.None)]));
        }

        return new ServerState(new IisConfiguration("applicationHost.config", sites), new HttpSysState("sslcert.txt", records),
            pool.ToDictionary(c => c.Thumbprint));
    }
}
