namespace IisSsl.Benchmarks.Generator;

/// <summary>Where a generated state was written and what it holds, so a benchmark can say what it measured.</summary>
public sealed record GeneratedServerState(
    string Directory,
    int Sites,
    int SniSites,
    int SharedIps,
    int HttpBindings,
    int HttpsBindings,
    int IpPortRecords,
    int HostnamePortRecords,
    int Certificates,
    int UncoveredHosts)
{
    public const string ConfigFileName = "applicationHost.config";
    public const string SslCertFileName = "sslcert.txt";
    public const string CertificatesFolderName = "certs";

    public string ConfigPath => Path.Combine(Directory, ConfigFileName);

    /// <summary>The HTTP.SYS records as <c>netsh http show sslcert</c> prints them.</summary>
    public string SslCertPath => Path.Combine(Directory, SslCertFileName);

    /// <summary>One DER <c>.cer</c> file per certificate an HTTP.SYS record references.</summary>
    public string CertificatesPath => Path.Combine(Directory, CertificatesFolderName);

    /// <summary>All HTTP.SYS records: the shared IPs, the SNI hosts and the <c>0.0.0.0:443</c> fallback.</summary>
    public int CertificateBindings => IpPortRecords + HostnamePortRecords;
}
