using IisSsl.Model;

namespace IisSsl.Sources;

/// <summary>Finds certificates by SHA-1 thumbprint (folders of files, or the Windows store on Windows).</summary>
public interface ICertificateSource
{
    /// <summary>The certificate with <paramref name="thumbprint"/> (upper-case hex), or null when this source has none.</summary>
    /// <exception cref="InvalidInputException">A file that holds it cannot be opened (e.g. a wrong PFX password).</exception>
    CertificateInfo? Find(string thumbprint, string storeName);
}
