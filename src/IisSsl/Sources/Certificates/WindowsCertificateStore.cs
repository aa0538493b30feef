using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IisSsl.Model;

namespace IisSsl.Sources.Certificates;

/// <summary>The LocalMachine certificate stores HTTP.SYS uses (the store named by each record; Windows only).</summary>
public sealed class WindowsCertificateStore : ICertificateSource
{
    /// <exception cref="InvalidInputException">Not on Windows.</exception>
    public WindowsCertificateStore()
    {
        if (!OperatingSystem.IsWindows())
            throw new InvalidInputException("reading the Windows certificate store needs Windows; pass --certs DIR");
    }

    public CertificateInfo? Find(string thumbprint, string storeName)
    {
        var name = string.IsNullOrEmpty(storeName) ? "MY" : storeName;
        try
        {
            using var store = new X509Store(name, StoreLocation.LocalMachine);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            return found.Count == 0 ? null : CertificateInfo.From(found[0], $@"LocalMachine\{name}", found[0].HasPrivateKey);
        }
        catch (CryptographicException)
        {
            // A store that does not exist holds no certificate; HTTP.SYS would not find one either.
            return null;
        }
    }
}
