namespace IisSsl.Execution;

/// <summary>Puts a PFX certificate into the LocalMachine store HTTP.SYS reads (live Windows only).</summary>
public interface ICertificateImporter
{
    /// <summary>True when the store already holds <paramref name="thumbprint"/>.</summary>
    bool Contains(string thumbprint, string storeName);

    /// <exception cref="ExecutionFailedException">The import failed.</exception>
    void Import(CertificateImport import);

    void Remove(string thumbprint, string storeName);
}

/// <summary>A PFX file of the manifest to import; the password is read from <see cref="PasswordVariable"/> when importing.</summary>
public sealed record CertificateImport(string FilePath, string? PasswordVariable, string Thumbprint, string StoreName = "MY");
