namespace IisSsl.Model;

/// <summary>The HTTP.SYS certificate record families (<c>netsh http show sslcert</c>).</summary>
public enum SslCertBindingKind
{
    /// <summary><c>ipport=IP:port</c>: one certificate for every non-SNI host on that endpoint.</summary>
    IpPort,

    /// <summary><c>hostnameport=name:port</c>: an SNI record, never IP-specific.</summary>
    HostnamePort,

    /// <summary><c>ccs=port</c>: the Central Certificate Store picks <c>host.pfx</c> by SNI name.</summary>
    CentralCertificateStore,
}
