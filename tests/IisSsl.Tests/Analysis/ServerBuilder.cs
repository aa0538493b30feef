using System.Net;
using System.Security.Cryptography.X509Certificates;
using IisSsl.Model;

namespace IisSsl.Tests.Analysis;

/// <summary>Builds a <see cref="ServerState"/> directly from model records, as a reader of the real files would.</summary>
internal sealed class ServerBuilder
{
    private readonly List<Site> _sites = [];
    private readonly List<SslCertBinding> _records = [];
    private readonly Dictionary<string, CertificateInfo> _certificates = [];
    private FakeCentralStore? _centralStore;

    public static Binding Https(string bindingInformation, SslFlags flags = SslFlags.None, int line = 0)
    {
        var lastColon = bindingInformation.LastIndexOf(':');
        var portColon = bindingInformation.LastIndexOf(':', lastColon - 1);
        var hostText = bindingInformation[(lastColon + 1)..];
        var port = int.Parse(bindingInformation[(portColon + 1)..lastColon], System.Globalization.CultureInfo.InvariantCulture);
        var addressText = bindingInformation[..portColon].Trim('[', ']');
        var address = addressText is "*" or "" ? IPAddress.Any : IPAddress.Parse(addressText);
        var host = hostText.Length == 0 ? null : HostName.Parse(hostText);
        return new Binding("https", bindingInformation, new Endpoint(address, port), host, flags,
            line > 0 ? new SourceLocation("applicationHost.config", line) : null);
    }

    public ServerBuilder Site(string name, params Binding[] bindings)
    {
        _sites.Add(new Site(name, _sites.Count + 1, bindings));
        return this;
    }

    public ServerBuilder IpPort(string address, int port, X509Certificate2 certificate, bool? hasPrivateKey = true) =>
        IpPort(address, port, CertificateInfo.From(certificate, "certs/" + certificate.Thumbprint + ".cer", hasPrivateKey));

    /// <summary>An ipport record for certificate facts given as they are (for facts .NET cannot create a certificate with).</summary>
    public ServerBuilder IpPort(string address, int port, CertificateInfo certificate)
    {
        _certificates[certificate.Thumbprint] = certificate;
        return Record(new SslCertBinding(SslCertBindingKind.IpPort, port, IPAddress.Parse(address), Thumbprint: certificate.Thumbprint));
    }

    public ServerBuilder HostnamePort(string host, int port, X509Certificate2 certificate) =>
        Record(new SslCertBinding(SslCertBindingKind.HostnamePort, port, Host: HostName.Parse(host), Thumbprint: Add(certificate, true)));

    public ServerBuilder CentralStore(int port, params (string Host, X509Certificate2 Certificate)[] files)
    {
        _centralStore = new FakeCentralStore(files.ToDictionary(
            f => HostName.Parse(f.Host),
            f => CertificateInfo.From(f.Certificate, $"ccs/{f.Host}.pfx", true)));
        return Record(new SslCertBinding(SslCertBindingKind.CentralCertificateStore, port));
    }

    public ServerBuilder Record(SslCertBinding record)
    {
        _records.Add(record);
        return this;
    }

    public ServerState Build() =>
        new(new IisConfiguration("applicationHost.config", _sites), new HttpSysState("sslcert.txt", _records), _certificates, _centralStore);

    private string Add(X509Certificate2 certificate, bool? hasPrivateKey)
    {
        var info = CertificateInfo.From(certificate, "certs/" + certificate.Thumbprint + ".cer", hasPrivateKey);
        _certificates[info.Thumbprint] = info;
        return info.Thumbprint;
    }

    private sealed class FakeCentralStore(Dictionary<HostName, CertificateInfo> files) : ICentralCertificateLookup
    {
        public CertificateInfo? Find(HostName host) => files.GetValueOrDefault(host);
    }
}
