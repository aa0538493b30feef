using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IisSsl.Execution;
using IisSsl.Model;
using IisSsl.Sources;

namespace IisSsl.Planning;

/// <summary>
/// NEW made concrete: by thumbprint, found among the certificates read (in every store a record of OLD uses, where
/// the source knows stores); or a PFX file opened with the password from its environment variable, to be imported.
/// Either way its facts are known, or replace stops with bad input: coverage cannot be judged without them.
/// </summary>
internal static class ReplacementCertificate
{
    /// <exception cref="InvalidInputException">NEW is not found, its file is missing, or its password is wrong.</exception>
    public static ResolvedCertificate Resolve(ReplaceOptions options, IReadOnlyList<ICertificateSource> sources, IReadOnlyCollection<string> storesOfOld)
    {
        if (options.NewPfxPath is { } pfx)
            return FromPfx(pfx, options.PfxPasswordVariable);

        var thumbprint = Thumbprints.Normalise(options.NewThumbprint!)!;
        CertificateInfo? found = null;
        foreach (var store in storesOfOld.Count == 0 ? ["MY"] : storesOfOld)
        {
            var info = sources.Select(s => s.Find(thumbprint, store)).FirstOrDefault(c => c is not null);
            if (info is null && found is not null)
                throw new InvalidInputException($"--new {thumbprint} is not in the store {store}, which a record of the old certificate uses; put it there or pass --new-pfx");
            found ??= info;
        }

        if (found is null)
        {
            var where = options.CertificateFolders.Count > 0
                ? "the --certs folder(s) " + string.Join(", ", options.CertificateFolders)
                : OperatingSystem.IsWindows() ? "the LocalMachine store" : "the certificates read (none: pass --certs DIR)";
            throw new InvalidInputException($"--new {thumbprint}: no certificate with this thumbprint in {where}; its names must be read to check that it covers every host");
        }

        return new ResolvedCertificate("new", thumbprint, storesOfOld.FirstOrDefault() ?? "MY", found);
    }

    private static ResolvedCertificate FromPfx(string path, string passwordVariable)
    {
        if (!File.Exists(path))
            throw new InvalidInputException("--new-pfx: the file does not exist", path);
        var password = Environment.GetEnvironmentVariable(passwordVariable);
        try
        {
            // Not disposed: the facts keep the certificate for name matching.
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            var info = CertificateInfo.From(certificate, path, certificate.HasPrivateKey);
            return new ResolvedCertificate("new", info.Thumbprint, "MY", info, new CertificateImport(path, passwordVariable, info.Thumbprint));
        }
        catch (CryptographicException e)
        {
            var how = password is null ? $"without a password ({passwordVariable} is not set)" : $"with the password in {passwordVariable}";
            throw new InvalidInputException($"--new-pfx: the file cannot be opened {how}", path, inner: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"--new-pfx: the file cannot be read ({e.Message})", path, inner: e);
        }
    }
}
