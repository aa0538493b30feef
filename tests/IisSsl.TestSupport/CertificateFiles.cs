using System.Security.Cryptography.X509Certificates;

namespace IisSsl.TestSupport;

/// <summary>Writes test certificates in the file formats the tool reads.</summary>
public static class CertificateFiles
{
    public static string WriteDer(X509Certificate2 certificate, string path)
    {
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Cert));
        return path;
    }

    public static string WritePem(X509Certificate2 certificate, string path)
    {
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");
        return path;
    }

    public static string WritePfx(X509Certificate2 certificate, string path, string? password)
    {
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    /// <summary>PEM certificate and unencrypted PKCS#8 key, as nginx wants them.</summary>
    public static (string CertificatePath, string KeyPath) WritePemWithKey(X509Certificate2 certificate, string directory, string name)
    {
        var certPath = Path.Combine(directory, name + ".crt");
        var keyPath = Path.Combine(directory, name + ".key");
        File.WriteAllText(certPath, certificate.ExportCertificatePem() + "\n");
        var key = (System.Security.Cryptography.AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException("The certificate has no private key.");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
        return (certPath, keyPath);
    }
}
