namespace IisSsl.Analysis;

/// <summary>Which step of HTTP.SYS's certificate selection produced the record a client is served by.</summary>
internal enum HandshakeStep
{
    /// <summary>No record: the handshake fails.</summary>
    None,

    /// <summary><c>ipport=IP:port</c> for the endpoint's own address; HTTP.SYS tries it before any SNI record.</summary>
    ExactIpPort,

    /// <summary><c>hostnameport=name:port</c> for the exact SNI name.</summary>
    HostnamePort,

    /// <summary><c>hostnameport=*.parent:port</c> for an SNI name one label below the parent.</summary>
    WildcardHostnamePort,

    /// <summary><c>ccs=port</c> with the store's <c>host.pfx</c> (or <c>_.parent.pfx</c>).</summary>
    CentralCertificateStore,

    /// <summary><c>ipport=[::]:port</c>, the IPv6 wildcard record.</summary>
    IPv6Wildcard,

    /// <summary><c>ipport=0.0.0.0:port</c>, the record for every address.</summary>
    IPv4Wildcard,
}
