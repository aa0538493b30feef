using IisSsl.Model;

namespace IisSsl.Planning;

/// <summary>The desired state read from a manifest file (ARCHITECTURE.md "Manifest"; docs/manifest.md).</summary>
public sealed record EnsureManifest(
    string Path,
    IReadOnlyDictionary<string, ManifestCertificate> Certificates,
    IReadOnlyList<ManifestSite> Sites)
{
    /// <summary>The <c>server</c> block: what the target IIS supports (default IIS 10).</summary>
    public ServerLimits Server { get; init; } = ServerLimits.Iis10;
}

/// <summary>
/// One <c>sites[]</c> entry: these host names (and, with <see cref="CatchAll"/>, the empty-host binding) of this site,
/// on each of these endpoints, served with this certificate.
/// </summary>
public sealed record ManifestSite(
    string Name,
    IReadOnlyList<HostName> HostNames,
    string Certificate,
    IReadOnlyList<Endpoint> Endpoints,
    SniMode Sni,
    int Line)
{
    public ManifestSite(string name, IReadOnlyList<HostName> hostNames, string certificate, Endpoint endpoint, SniMode sni, int line)
        : this(name, hostNames, certificate, [endpoint], sni, line)
    {
    }

    /// <summary><c>""</c> among the host names: the site's catch-all (empty host) binding on each endpoint, too.</summary>
    public bool CatchAll { get; init; }

    /// <summary>The host names, then null for the catch-all binding when there is one.</summary>
    public IEnumerable<HostName?> Hosts => CatchAll ? HostNames.Append(null) : HostNames;

    /// <summary>The one endpoint of an entry <see cref="PerEndpoint"/> made.</summary>
    public Endpoint Endpoint => Endpoints.Count == 1 ? Endpoints[0] : throw new InvalidOperationException($"site entry \"{Name}\" has {Endpoints.Count} endpoints; split it with PerEndpoint()");

    /// <summary>This entry once per endpoint (the planner's unit: one site, one endpoint, its hosts, one certificate).</summary>
    public IEnumerable<ManifestSite> PerEndpoint() => Endpoints.Count == 1 ? [this] : Endpoints.Select(e => this with { Endpoints = [e] });
}

/// <summary>A named certificate of the manifest: in a store by thumbprint, a PFX file to be imported, or the Central Certificate Store.</summary>
public abstract record ManifestCertificate(string Name, int Line)
{
    /// <summary><c>{ "thumbprint": "…", "store": "My" }</c>: already in the LocalMachine store.</summary>
    public sealed record InStore(string Name, string Thumbprint, string StoreName, int Line) : ManifestCertificate(Name, Line);

    /// <summary><c>{ "file": "certs/v2.pfx", "passwordEnv": "V2_PFX_PASSWORD" }</c>; <see cref="FilePath"/> is absolute.</summary>
    public sealed record FromFile(string Name, string FilePath, string? PasswordVariable, int Line) : ManifestCertificate(Name, Line);

    /// <summary><c>{ "centralCertificateStore": true }</c>: IIS picks <c>host.pfx</c> by SNI name (sslFlags 3, a <c>ccs=port</c> record).</summary>
    public sealed record CentralStore(string Name, int Line) : ManifestCertificate(Name, Line);
}
