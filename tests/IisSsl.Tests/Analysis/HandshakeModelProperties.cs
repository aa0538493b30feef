using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using FsCheck.Xunit;
using IisSsl.Analysis;
using IisSsl.Model;
using IisSsl.Reporting;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Analysis;

/// <summary>
/// The handshake model against a straightforward reference resolver written from the documented (and, where marked,
/// inferred) precedence, on generated HTTP.SYS record sets and bindings: for every binding and every client (arrival
/// address, with or without SNI), the certificate the model says is served is the one the reference gives, and a
/// covered verdict is never given while some client of the host is served a certificate that misses it.
/// </summary>
public sealed class HandshakeModelProperties
{
    private static readonly Lazy<X509Certificate2[]> Pool = new(() =>
    [
        TestCertificate.For("a.mysite.com").Create(),
        TestCertificate.For("b.mysite.com").Create(),
        TestCertificate.For("*.mysite.com").Create(),
        TestCertificate.For("a.mysite.com", "b.mysite.com", "c.mysite.com").Create(),
        TestCertificate.For("other.test").Create(),
    ]);

    // Addresses that may carry an ipport record, and addresses of the machine that never do.
    private static readonly IPAddress[] RecordAddresses =
        [IPAddress.Any, IPAddress.IPv6Any, IPAddress.Parse("10.0.0.5"), IPAddress.Parse("10.0.0.6"), IPAddress.Parse("2001:db8::5")];

    private static readonly IPAddress[] PlainAddresses = [IPAddress.Parse("192.0.2.1"), IPAddress.Parse("2001:db8::99")];

    private static readonly string?[] Hosts = ["a.mysite.com", "b.mysite.com", "c.mysite.com", "x.a.mysite.com", null];

    private static readonly string[] NamedRecordHosts = ["a.mysite.com", "b.mysite.com", "c.mysite.com", "*.mysite.com", "*.a.mysite.com"];

    private static readonly Endpoint[] BindingEndpoints =
    [
        Endpoint.AllUnassigned(443), new(IPAddress.Parse("10.0.0.5"), 443), new(IPAddress.Parse("10.0.0.6"), 443), new(IPAddress.Parse("2001:db8::5"), 443),
    ];

    [Property(MaxTest = 300)]
    public bool Every_client_of_every_binding_is_served_what_the_reference_resolver_gives(byte[] recordPicks, byte[] bindingPicks)
    {
        var state = StateFrom(recordPicks, bindingPicks);
        var resolver = CertificateResolver.For(state);
        foreach (var binding in state.Configuration.Sites.SelectMany(s => s.Bindings))
        {
            var paths = resolver.PathsOf(binding.Endpoint!, binding.Host, binding.UsesSni);
            foreach (var (address, sni) in ClientsOf(binding))
            {
                var expected = Reference(state, address, binding.Endpoint!.Port, sni ? binding.Host : null);
                var matching = paths.Where(p => Reaches(p, binding, address, sni, state)).ToList();
                if (matching.Count != 1)
                    return false;
                // A SpecificIpPort path stands for every specific-IP record serving its certificate.
                var served = matching[0].Served;
                var sameRecord = matching[0].Records is { } records ? records.Any(r => ReferenceEquals(r, expected.Record)) : ReferenceEquals(served.Record, expected.Record);
                if (!sameRecord || !Equals(served.Certificate?.Thumbprint, expected.Certificate?.Thumbprint))
                    return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 300)]
    public bool A_covered_verdict_never_coexists_with_a_client_served_a_certificate_that_misses_the_host(byte[] recordPicks, byte[] bindingPicks)
    {
        var state = StateFrom(recordPicks, bindingPicks);
        var report = CoverageAnalyzer.Analyze(state, new AnalysisOptions(DateTimeOffset.UtcNow));
        foreach (var site in state.Configuration.Sites)
        {
            foreach (var binding in site.Bindings.Where(b => b.Host is not null))
            {
                var row = report.Endpoints.Single(e => e.Endpoint == binding.Endpoint!.ToString()).Hosts.Single(h => h.Site == site.Name && h.HostName == binding.Host!.Value);
                if (row.Status != CoverageStatus.Covered)
                    continue;
                foreach (var (address, sni) in ClientsOf(binding))
                {
                    var served = Reference(state, address, binding.Endpoint!.Port, sni ? binding.Host : null);
                    if (served.Certificate is null || !Covers(served.Certificate, binding.Host!))
                        return false;
                }
            }
        }

        return report.Passed == report.Findings.All(f => f.Severity != Severity.Error);
    }

    [Property(MaxTest = 200)]
    public bool A_binding_has_at_most_one_shadow_finding_whatever_the_number_of_addresses(byte[] recordPicks, byte[] bindingPicks)
    {
        var state = StateFrom(recordPicks, bindingPicks);
        var report = CoverageAnalyzer.Analyze(state, new AnalysisOptions(DateTimeOffset.UtcNow));
        return report.Findings.Where(f => f.Code == FindingCodes.ShadowedByIpPortRecord)
            .GroupBy(f => (f.Site, f.Endpoint, f.HostName)).All(g => g.Count() == 1);
    }

    /// <summary>
    /// The reference: a client arriving on <paramref name="address"/> gets that address's own ipport record; else, with
    /// SNI, the exact hostnameport record, a wildcard one a single label up (inferred), the ccs store's file (inferred
    /// after hostnameport); else [::] for an IPv6 client (inferred before 0.0.0.0), else 0.0.0.0; else nothing.
    /// </summary>
    private static (SslCertBinding? Record, CertificateInfo? Certificate) Reference(ServerState state, IPAddress address, int port, HostName? sni)
    {
        var records = state.HttpSys.Bindings;
        SslCertBinding? IpPort(IPAddress a) => records.FirstOrDefault(r => r.Kind == SslCertBindingKind.IpPort && r.Port == port && a.Equals(r.Address));
        (SslCertBinding?, CertificateInfo?) Of(SslCertBinding r) => (r, state.CertificatesByThumbprint.GetValueOrDefault(r.Thumbprint ?? ""));

        if (IpPort(address) is { } own)
            return Of(own);
        if (sni is not null)
        {
            var named = records.Where(r => r.Kind == SslCertBindingKind.HostnamePort && r.Port == port).ToList();
            if (named.FirstOrDefault(r => r.Host!.Value == sni.Value) is { } exact)
                return Of(exact);
            var dot = sni.Value.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && named.FirstOrDefault(r => r.Host!.Value == "*" + sni.Value[dot..]) is { } wildcard)
                return Of(wildcard);
            if (records.FirstOrDefault(r => r.Kind == SslCertBindingKind.CentralCertificateStore && r.Port == port) is { } ccs
                && state.CentralCertificateStore!.Find(sni) is { } file)
                return (ccs, file);
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && IpPort(IPAddress.IPv6Any) is { } ipv6Any)
            return Of(ipv6Any);
        return IpPort(IPAddress.Any) is { } any ? Of(any) : (null, null);
    }

    /// <summary>Every client of a binding: the addresses it can arrive on, with SNI (named bindings) and without (non-SNI and catch-all bindings).</summary>
    private static IEnumerable<(IPAddress Address, bool Sni)> ClientsOf(Binding binding)
    {
        var endpoint = binding.Endpoint!;
        IEnumerable<IPAddress> addresses = endpoint.IsAllUnassigned
            ? [.. RecordAddresses.Where(a => !a.Equals(IPAddress.Any) && !a.Equals(IPAddress.IPv6Any)), .. PlainAddresses]
            : [endpoint.Address];
        foreach (var address in addresses)
        {
            if (binding.Host is not null)
                yield return (address, true);
            if (binding.Host is null || !binding.UsesSni)
                yield return (address, false);
        }
    }

    /// <summary>Whether a model path is the one for the client arriving on <paramref name="address"/> with or without SNI.</summary>
    private static bool Reaches(ServedPath path, Binding binding, IPAddress address, bool sni, ServerState state)
    {
        if (path.Clients != ClientKind.All && path.Clients != (sni ? ClientKind.WithSni : ClientKind.WithoutSni))
            return false;
        if (path.Addresses == ClientAddresses.SpecificIpPort)
            return path.Records!.Any(r => address.Equals(r.Address));

        // A * endpoint's client arriving on an address with an ipport record of its own is on a SpecificIpPort path.
        if (binding.Endpoint!.IsAllUnassigned && state.HttpSys.Bindings.Any(r => r.Kind == SslCertBindingKind.IpPort && r.Port == binding.Endpoint.Port && address.Equals(r.Address)))
            return false;
        return path.Addresses switch
        {
            ClientAddresses.IPv4 => address.AddressFamily == AddressFamily.InterNetwork,
            ClientAddresses.IPv6 => address.AddressFamily == AddressFamily.InterNetworkV6,
            _ => true,
        };
    }

    private static bool Covers(CertificateInfo certificate, HostName host) =>
        certificate.DnsNames.Any(n => n == host.Value || (n.StartsWith("*.", StringComparison.Ordinal)
            && host.Value.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 && host.Value[(dot + 1)..] == n[2..]));

    /// <summary>Decodes the picks into a server: each record pick adds one record (first of a key wins, as HTTP.SYS keys are unique), each binding pick one binding.</summary>
    private static ServerState StateFrom(byte[]? recordPicks, byte[]? bindingPicks)
    {
        var pool = Pool.Value;
        var certificates = pool.Select(c => CertificateInfo.From(c, "certs/" + c.Thumbprint + ".cer", true)).ToArray();
        var records = new List<SslCertBinding>();
        var keys = new HashSet<string>();
        var withCcs = false;
        foreach (var pick in recordPicks ?? [])
        {
            var certificate = certificates[pick / 16 % certificates.Length];
            var record = (pick % 16) switch
            {
                < 10 and var i => new SslCertBinding(SslCertBindingKind.IpPort, 443, RecordAddresses[i % RecordAddresses.Length], Thumbprint: certificate.Thumbprint),
                < 15 and var i => new SslCertBinding(SslCertBindingKind.HostnamePort, 443, Host: HostName.Parse(NamedRecordHosts[i - 10]), Thumbprint: certificate.Thumbprint),
                _ => new SslCertBinding(SslCertBindingKind.CentralCertificateStore, 443),
            };
            withCcs |= record.Kind == SslCertBindingKind.CentralCertificateStore;
            if (keys.Add(record.Key))
                records.Add(record);
        }

        var sites = new List<Site>();
        foreach (var pick in (bindingPicks ?? []).Take(6))
        {
            var endpoint = BindingEndpoints[pick % BindingEndpoints.Length];
            var host = Hosts[pick / 4 % Hosts.Length];
            var sni = host is not null && pick / 20 % 2 == 1;
            var information = $"{endpoint.IisAddress}:{endpoint.Port}:{host}";
            sites.Add(new Site($"S{sites.Count + 1}", sites.Count + 1,
                [new Binding("https", information, endpoint, host is null ? null : HostName.Parse(host), sni ? SslFlags.Sni : SslFlags.None)]));
        }

        // The store holds a file for a.mysite.com only: other names fall through to the ipport records.
        var store = withCcs ? new OneFileStore(HostName.Parse("a.mysite.com"), CertificateInfo.From(pool[0], "ccs/a.mysite.com.pfx", true)) : null;
        return new ServerState(new IisConfiguration("applicationHost.config", sites), new HttpSysState("sslcert.txt", records),
            certificates.ToDictionary(c => c.Thumbprint), store);
    }

    private sealed class OneFileStore(HostName host, CertificateInfo certificate) : ICentralCertificateLookup
    {
        public CertificateInfo? Find(HostName name) => name.Equals(host) ? certificate : null;
    }
}
