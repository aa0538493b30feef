using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IisSsl.Execution;

/// <summary>Imports into LocalMachine with a persisted private key. Not exercised by the tests (needs Windows and elevation).</summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsCertificateImporter : ICertificateImporter
{
    public bool Contains(string thumbprint, string storeName)
    {
        using var store = Open(storeName, OpenFlags.ReadOnly);
        return store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false).Count > 0;
    }

    public void Import(CertificateImport import)
    {
        ArgumentNullException.ThrowIfNull(import);
        var password = import.PasswordVariable is null ? null : Environment.GetEnvironmentVariable(import.PasswordVariable);
        try
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(
                import.FilePath, password, X509KeyStorageFlags.MachineKeySet | X509KeyStorageFlags.PersistKeySet);
            using var store = Open(import.StoreName, OpenFlags.ReadWrite);
            store.Add(certificate);
        }
        catch (CryptographicException e)
        {
            throw new ExecutionFailedException($"{import.FilePath} could not be imported into LocalMachine\\{import.StoreName}: {e.Message}", e);
        }
    }

    public void Remove(string thumbprint, string storeName)
    {
        using var store = Open(storeName, OpenFlags.ReadWrite);
        foreach (var certificate in store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false))
            store.Remove(certificate);
    }

    private static X509Store Open(string storeName, OpenFlags flags)
    {
        var store = new X509Store(storeName, StoreLocation.LocalMachine);
        store.Open(flags);
        return store;
    }
}
