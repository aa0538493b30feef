using IisSsl.Model;

namespace IisSsl.Planning;

/// <summary>The desired state read from a manifest file (ARCHITECTURE.md "Manifest").</summary>
public sealed record EnsureManifest(
    string Path,
    IReadOnlyDictionary<string, ManifestCertificate> Certificates,
    IReadOnlyList<ManifestSite> Sites);

/// <summary>One <c>sites[]</c> entry: these host names of this site, on this endpoint, served with this certificate.</summary>
public sealed record ManifestSite(
    string Name,
    IReadOnlyList<HostName> HostNames,
    string Certificate,
    Endpoint Endpoint,
    SniMode Sni,
    int Line);

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
