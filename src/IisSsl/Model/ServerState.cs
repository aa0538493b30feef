namespace IisSsl.Model;

/// <summary>
/// Everything the analysis reads: the sites, the HTTP.SYS records, and the certificates they point at.
/// <see cref="SkippedFiles"/> names input files left unread on purpose (a FIFO or a device among the certificates), each with why.
/// </summary>
public sealed record ServerState(
    IisConfiguration Configuration,
    HttpSysState HttpSys,
    IReadOnlyDictionary<string, CertificateInfo> CertificatesByThumbprint,
    ICentralCertificateLookup? CentralCertificateStore = null,
    IReadOnlyList<string>? SkippedFiles = null);

/// <summary>Finds the certificate the Central Certificate Store serves for a host name (<c>host.pfx</c>, then <c>_.parent.pfx</c>).</summary>
public interface ICentralCertificateLookup
{
    /// <summary>The certificate for <paramref name="host"/>, or null when the store has no file for it.</summary>
    CertificateInfo? Find(HostName host);
}
