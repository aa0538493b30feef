using System.Net;

namespace IisSsl.Model;

/// <summary>
/// One HTTP.SYS certificate record. <see cref="Address"/> is set for <see cref="SslCertBindingKind.IpPort"/>,
/// <see cref="Host"/> for <see cref="SslCertBindingKind.HostnamePort"/>. Thumbprints are upper-case hex;
/// a null or empty store name is normalised to <c>MY</c>. <see cref="Settings"/> keeps every other field
/// of the record (netsh's lines, e.g. "Disable HTTP2") so a rewrite loses nothing.
/// </summary>
public sealed record SslCertBinding(
    SslCertBindingKind Kind,
    int Port,
    IPAddress? Address = null,
    HostName? Host = null,
    string? Thumbprint = null,
    string StoreName = "MY",
    Guid AppId = default,
    SourceLocation? Location = null)
{
    public const string IisAppId = "4dc3e181-e14b-4a21-b022-59fc669b0914";

    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The netsh key: <c>ipport=0.0.0.0:443</c>, <c>hostnameport=www.a.com:443</c> or <c>ccs=443</c>.</summary>
    public string Key => Kind switch
    {
        SslCertBindingKind.IpPort => $"ipport={new Endpoint(Address ?? IPAddress.Any, Port).HttpSysKey}",
        SslCertBindingKind.HostnamePort => $"hostnameport={Host}:{Port}",
        _ => $"ccs={Port}",
    };

    public override string ToString() => Key;
}
