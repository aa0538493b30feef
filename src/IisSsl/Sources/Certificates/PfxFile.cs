using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IisSsl.Sources.Certificates;

/// <summary>Opens PFX/PKCS#12 files with the password held in an environment variable (whose value is never shown).</summary>
internal static class PfxFile
{
    // Ephemeral keys are never written to disk; macOS does not support them.
    private static readonly X509KeyStorageFlags Flags =
        OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;

    public static X509Certificate2Collection Load(string path, string passwordVariable)
    {
        var password = Environment.GetEnvironmentVariable(passwordVariable);
        try
        {
            return X509CertificateLoader.LoadPkcs12Collection(CertificateFileReader.Read(path), password, Flags);
        }
        catch (CryptographicException e) when (string.IsNullOrEmpty(password))
        {
            throw new InvalidInputException(
                $"cannot open this PFX file without a password; put its password in the environment variable {passwordVariable}", path, inner: e);
        }
        catch (CryptographicException e)
        {
            throw new InvalidInputException(
                $"cannot open this PFX file with the password in the environment variable {passwordVariable} (wrong password or damaged file)", path, inner: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"cannot be read: {e.Message}", path, inner: e);
        }
    }

    /// <summary>The certificate a server would present from this file: the one with the key, else the first non-CA one.</summary>
    public static X509Certificate2? Leaf(X509Certificate2Collection certificates) =>
        certificates.FirstOrDefault(c => c.HasPrivateKey)
        ?? certificates.FirstOrDefault(c => c.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault()?.CertificateAuthority != true)
        ?? certificates.FirstOrDefault();
}
