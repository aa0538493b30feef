using System.Net;
using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>The HTTP.SYS records keyed the way HTTP.SYS looks them up, built once per analysis.</summary>
internal sealed class HttpSysIndex
{
    private readonly Dictionary<(IPAddress Address, int Port), SslCertBinding> _ipPort = [];
    private readonly Dictionary<(string Host, int Port), SslCertBinding> _hostnamePort = [];
    private readonly Dictionary<int, SslCertBinding> _centralStore = [];

    public HttpSysIndex(IEnumerable<SslCertBinding> records)
    {
        // HTTP.SYS keys are unique; should a snapshot repeat one, the first record is the one kept.
        foreach (var record in records)
        {
            switch (record.Kind)
            {
                case SslCertBindingKind.IpPort:
                    _ipPort.TryAdd((record.Address ?? IPAddress.Any, record.Port), record);
                    break;
                case SslCertBindingKind.HostnamePort when record.Host is not null:
                    _hostnamePort.TryAdd((record.Host.Value, record.Port), record);
                    break;
                case SslCertBindingKind.CentralCertificateStore:
                    _centralStore.TryAdd(record.Port, record);
                    break;
            }
        }
    }

    public SslCertBinding? IpPort(IPAddress address, int port) => _ipPort.GetValueOrDefault((address, port));

    public SslCertBinding? HostnamePort(string host, int port) => _hostnamePort.GetValueOrDefault((host, port));

    public SslCertBinding? CentralStore(int port) => _centralStore.GetValueOrDefault(port);
}
