namespace IisSsl.Benchmarks.Generator;

/// <summary>
/// The shape of a synthetic shared-hosting server. Every site has one http binding and
/// <see cref="HttpsBindingsPerSite"/> https bindings (one per host name). Most sites share an IP address and that
/// address's certificate (non-SNI): a wildcard (<see cref="SharedCertificateShape.Wildcard"/>) or one SAN certificate
/// naming every host on the address (<see cref="SharedCertificateShape.San"/>, about 700 names each, as UCC
/// certificates on shared hosting carry); <see cref="SniShare"/> of them use SNI with a certificate of their own.
/// </summary>
public sealed record GeneratorOptions
{
    public const int HttpsBindingsPerSite = 4;

    /// <summary>The SAN shape's sites per shared IP: 175 sites of 4 host names fill a 700-name certificate.</summary>
    public const int SanSitesPerSharedIp = 175;

    /// <summary>How the shared IPs' certificates name their hosts.</summary>
    public SharedCertificateShape Shape { get; init; } = SharedCertificateShape.Wildcard;

    /// <summary>How many sites to write.</summary>
    public int Sites { get; init; } = 100;

    /// <summary>Same seed, same sites, hosts, addresses and certificate bytes (thumbprints included).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The fraction of sites that use SNI with their own certificate (one hostnameport record per host).</summary>
    public double SniShare { get; init; } = 0.10;

    /// <summary>Roughly how many non-SNI sites share one IP address, until <see cref="MaxSharedIps"/> is reached.</summary>
    public int SitesPerSharedIp { get; init; } = 20;

    /// <summary>The most shared IP addresses (10.0.x.y), each with one ipport record and one wildcard certificate.</summary>
    public int MaxSharedIps { get; init; } = 50;

    /// <summary>
    /// The fraction of shared-IP sites whose last host is a customer's own domain that the shared wildcard does not
    /// cover: the report then has real <c>HostNotCovered</c> errors to render, as a real server would.
    /// </summary>
    public double UncoveredShare { get; init; } = 0.01;
}

/// <summary>How a shared IP's certificate names the hosts on it.</summary>
public enum SharedCertificateShape
{
    /// <summary><c>*.poolN.hosting.example</c>: one name, every host a label under it.</summary>
    Wildcard,

    /// <summary>One SAN certificate listing every host on the address (hosts × names grow together).</summary>
    San,
}
