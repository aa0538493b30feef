using System.Net;
using System.Security.Cryptography.X509Certificates;
using IisSsl.Model;
using IisSsl.Planning;

namespace IisSsl.Tests.Planning;

/// <summary>Builds server states and manifests in memory, in the vocabulary of the seed case.</summary>
internal sealed class ServerBuilder
{
    private readonly List<Site> _sites = [];
    private readonly List<SslCertBinding> _records = [];
    private readonly Dictionary<string, CertificateInfo> _certificates = new(StringComparer.OrdinalIgnoreCase);

    public static Endpoint Any443 => Endpoint.AllUnassigned(443);

    public ServerBuilder Site(string name, params string[] bindings)
    {
        _sites.Add(new Site(name, _sites.Count + 1, bindings.Select(ParseBinding).ToList()));
        return this;
    }

    public ServerBuilder IpPort(string address, int port, X509Certificate2 certificate, Guid? appId = null)
    {
        _records.Add(new SslCertBinding(SslCertBindingKind.IpPort, port, IPAddress.Parse(address), null, certificate.Thumbprint, "MY", appId ?? EnsurePlanner.IisAppId));
        return Known(certificate);
    }

    public ServerBuilder HostnamePort(string host, int port, X509Certificate2 certificate, Guid? appId = null)
    {
        _records.Add(new SslCertBinding(SslCertBindingKind.HostnamePort, port, null, HostName.Parse(host), certificate.Thumbprint, "MY", appId ?? EnsurePlanner.IisAppId));
        return Known(certificate);
    }

    public ServerBuilder Record(SslCertBinding record, X509Certificate2 certificate)
    {
        _records.Add(record);
        return Known(certificate);
    }

    public ServerBuilder Known(X509Certificate2 certificate)
    {
        _certificates[certificate.Thumbprint] = CertificateInfo.From(certificate, "test", true);
        return this;
    }

    public ServerState Build(ICentralCertificateLookup? centralStore = null) =>
        new(new IisConfiguration("applicationHost.config", _sites), new HttpSysState("sslcert.json", _records), _certificates, centralStore);

    /// <summary><c>"https *:443:a.com 1"</c> = protocol, bindingInformation, optional sslFlags.</summary>
    private static Binding ParseBinding(string text)
    {
        var parts = text.Split(' ');
        var protocol = parts[0];
        var information = parts[1];
        var flags = parts.Length > 2 ? (SslFlags)uint.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) : SslFlags.None;
        if (protocol is not ("http" or "https"))
            return new Binding(protocol, information, null, null, flags);
        var hostAt = information.LastIndexOf(':');
        var portAt = information.LastIndexOf(':', hostAt - 1);
        var address = information[..portAt] is "*" or "" ? IPAddress.Any : IPAddress.Parse(information[..portAt].Trim('[', ']'));
        var host = information[(hostAt + 1)..];
        return new Binding(protocol, information, new Endpoint(address, int.Parse(information[(portAt + 1)..hostAt], System.Globalization.CultureInfo.InvariantCulture)),
            host.Length == 0 ? null : HostName.Parse(host), flags);
    }
}

/// <summary>Manifests in memory: <c>Manifests.With(("MySite V1", "main", SniMode.Never, ["sitev1.mysite.com"]))</c>.</summary>
internal static class Manifests
{
    public static EnsureManifest With(params (string Site, string Certificate, SniMode Sni, string[] Hosts)[] entries) =>
        new("manifest.json",
            new Dictionary<string, ManifestCertificate>(),
            entries.Select((e, i) => new ManifestSite(e.Site, e.Hosts.Select(HostName.Parse).ToArray(), e.Certificate, ServerBuilder.Any443, e.Sni, i + 1)).ToArray());

    public static EnsureManifest Of(params ManifestSite[] sites) =>
        new("manifest.json", new Dictionary<string, ManifestCertificate>(), sites);

    /// <summary>One site entry; <c>""</c> among the hosts is the catch-all; endpoints as <c>"*:443"</c>, <c>"10.0.0.5:443"</c>, <c>"[::]:443"</c> (default <c>*:443</c>).</summary>
    public static ManifestSite Site(string name, string certificate, SniMode sni, string[] hosts, params string[] endpoints) =>
        new(name, hosts.Where(h => h.Length > 0).Select(HostName.Parse).ToArray(), certificate,
            endpoints.Length == 0 ? [ServerBuilder.Any443] : endpoints.Select(ParseEndpoint).ToArray(), sni, 1)
        { CatchAll = hosts.Contains("") };

    public static Endpoint ParseEndpoint(string text)
    {
        var colon = text.LastIndexOf(':');
        var address = text[..colon];
        return new Endpoint(address == "*" ? IPAddress.Any : IPAddress.Parse(address.Trim('[', ']')), int.Parse(text[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public static Dictionary<string, ResolvedCertificate> Certificates(params (string Name, X509Certificate2 Certificate)[] certificates) =>
        certificates.ToDictionary(
            c => c.Name,
            c => new ResolvedCertificate(c.Name, c.Certificate.Thumbprint, "MY", CertificateInfo.From(c.Certificate, c.Name, true)));
}
