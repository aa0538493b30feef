using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>The HTTP.SYS records keyed the way HTTP.SYS looks them up, built once per analysis.</summary>
internal sealed class HttpSysIndex
{
    private readonly Dictionary<Endpoint, IndexedRecord> _ipPort = [];
    private readonly Dictionary<int, List<IndexedRecord>> _specificIpPortByPort = [];
    private readonly Dictionary<int, Dictionary<string, IndexedRecord>> _hostnamePortByPort = [];
    private readonly Dictionary<int, Dictionary<string, IndexedRecord>> _wildcardHostnamePortByPort = [];
    private readonly Dictionary<int, SslCertBinding> _centralStore = [];

    public HttpSysIndex(IEnumerable<SslCertBinding> records)
    {
        // HTTP.SYS keys are unique; should a snapshot repeat one, the first record is the one kept.
        foreach (var record in records)
        {
            switch (record.Kind)
            {
                case SslCertBindingKind.IpPort:
                    var endpoint = new Endpoint(record.Address ?? System.Net.IPAddress.Any, record.Port);
                    var ipPort = new IndexedRecord(record);
                    if (_ipPort.TryAdd(endpoint, ipPort) && IsSpecific(endpoint))
                    {
                        if (!_specificIpPortByPort.TryGetValue(record.Port, out var onPort))
                            _specificIpPortByPort[record.Port] = onPort = [];
                        onPort.Add(ipPort);
                    }

                    break;
                case SslCertBindingKind.HostnamePort when record.Host is not null:
                    var indexed = new IndexedRecord(record);
                    if (NamesOn(_hostnamePortByPort, record.Port).TryAdd(record.Host.Value, indexed) && record.Host.IsWildcard)
                        NamesOn(_wildcardHostnamePortByPort, record.Port).TryAdd(record.Host.WildcardParent, indexed);
                    break;
                case SslCertBindingKind.CentralCertificateStore:
                    _centralStore.TryAdd(record.Port, record);
                    break;
            }
        }
    }

    /// <summary>The <c>ipport</c> record of exactly this address and port.</summary>
    public IndexedRecord? IpPort(Endpoint endpoint) => _ipPort.GetValueOrDefault(endpoint);

    /// <summary>
    /// The <c>ipport</c> records of <paramref name="port"/> for one specific address (neither <c>0.0.0.0</c> nor
    /// <c>[::]</c>), in the order they were read: each serves every client arriving on its address.
    /// </summary>
    public IReadOnlyList<IndexedRecord> SpecificIpPorts(int port) =>
        _specificIpPortByPort.TryGetValue(port, out var records) ? records : [];

    public IndexedRecord? HostnamePort(string host, int port) =>
        _hostnamePortByPort.TryGetValue(port, out var names) ? names.GetValueOrDefault(host) : null;

    /// <summary>The wildcard record <c>hostnameport=*.parent:port</c> whose parent is <paramref name="host"/> less its first label.</summary>
    public IndexedRecord? WildcardHostnamePort(HostName host, int port)
    {
        var dot = host.Value.IndexOf('.', StringComparison.Ordinal);
        if (host.IsWildcard || dot < 0 || !_wildcardHostnamePortByPort.TryGetValue(port, out var parents))
            return null;
        return parents.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(host.Value.AsSpan(dot + 1), out var record) ? record : null;
    }

    public SslCertBinding? CentralStore(int port) => _centralStore.GetValueOrDefault(port);

    private static bool IsSpecific(Endpoint endpoint) =>
        !endpoint.IsAllUnassigned && !endpoint.Address.Equals(System.Net.IPAddress.IPv6Any);

    private static Dictionary<string, IndexedRecord> NamesOn(Dictionary<int, Dictionary<string, IndexedRecord>> byPort, int port)
    {
        if (!byPort.TryGetValue(port, out var names))
            byPort[port] = names = new Dictionary<string, IndexedRecord>(StringComparer.Ordinal);
        return names;
    }
}
