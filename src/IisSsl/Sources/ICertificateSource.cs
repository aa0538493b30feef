using IisSsl.Model;

namespace IisSsl.Sources;

/// <summary>Finds certificates by SHA-1 thumbprint (folders of files, or the Windows store on Windows).</summary>
public interface ICertificateSource
{
    /// <summary>The certificate with <paramref name="thumbprint"/> (upper-case hex), or null when this source has none.</summary>
    /// <exception cref="InvalidInputException">A file that holds it cannot be opened (e.g. a wrong PFX password).</exception>
    CertificateInfo? Find(string thumbprint, string storeName);
}

/// <summary>
/// A source that loads many certificates faster at once than one by one (a folder builds them in parallel).
/// Results and the first error are those of <see cref="ICertificateSource.Find"/> called for each, in order.
/// </summary>
public interface IBatchCertificateSource : ICertificateSource
{
    IReadOnlyList<CertificateInfo?> FindAll(IReadOnlyList<(string Thumbprint, string StoreName)> wanted);
}
