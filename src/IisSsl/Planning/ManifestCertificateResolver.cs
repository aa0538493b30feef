using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IisSsl.Execution;
using IisSsl.Model;
using IisSsl.Sources;

namespace IisSsl.Planning;

/// <summary>
/// Turns the manifest's certificates into thumbprints and facts: store certificates are looked up in the certificate
/// sources (absent ones stay unknown and the predicted verification reports them), PFX files are opened with the
/// password from their environment variable and their thumbprint computed.
/// </summary>
public static class ManifestCertificateResolver
{
    /// <exception cref="InvalidInputException">A PFX file is missing, its password variable unset, or the password wrong.</exception>
    public static IReadOnlyDictionary<string, ResolvedCertificate> Resolve(EnsureManifest manifest, IReadOnlyList<ICertificateSource> sources)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(sources);
        var used = manifest.Sites.Select(s => s.Certificate).ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, ResolvedCertificate>(StringComparer.Ordinal);
        foreach (var certificate in manifest.Certificates.Values.Where(c => used.Contains(c.Name)))
        {
            result[certificate.Name] = certificate switch
            {
                ManifestCertificate.InStore store => new ResolvedCertificate(
                    store.Name, store.Thumbprint, store.StoreName, sources.Select(s => s.Find(store.Thumbprint, store.StoreName)).FirstOrDefault(c => c is not null)),
                ManifestCertificate.FromFile file => FromFile(manifest.Path, file),
                ManifestCertificate.CentralStore central => ResolvedCertificate.CentralStore(central.Name),
                _ => throw new InvalidOperationException("Unknown manifest certificate kind."),
            };
        }

        return result;
    }

    private static ResolvedCertificate FromFile(string manifestPath, ManifestCertificate.FromFile file)
    {
        if (!File.Exists(file.FilePath))
            throw new InvalidInputException($"certificate \"{file.Name}\": the file {file.FilePath} does not exist", manifestPath, file.Line);
        string? password = null;
        if (file.PasswordVariable is not null)
        {
            password = Environment.GetEnvironmentVariable(file.PasswordVariable)
                ?? throw new InvalidInputException($"certificate \"{file.Name}\": the environment variable {file.PasswordVariable} (its \"passwordEnv\") is not set", manifestPath, file.Line);
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(file.FilePath, password, X509KeyStorageFlags.EphemeralKeySet);
            var info = CertificateInfo.From(certificate, file.FilePath, certificate.HasPrivateKey);
            return new ResolvedCertificate(file.Name, info.Thumbprint, "MY", info, new CertificateImport(file.FilePath, file.PasswordVariable, info.Thumbprint));
        }
        catch (CryptographicException e)
        {
            var how = file.PasswordVariable is null ? "without a password (add \"passwordEnv\")" : $"with the password in {file.PasswordVariable}";
            throw new InvalidInputException($"certificate \"{file.Name}\": {file.FilePath} cannot be opened {how}", manifestPath, file.Line, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"certificate \"{file.Name}\": {file.FilePath} cannot be read ({e.Message})", manifestPath, file.Line, e);
        }
    }
}
