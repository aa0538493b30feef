using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IisSsl.Probing;

/// <summary>
/// The roots a presented chain must lead to: the system's, or only those of a PEM bundle. Builds the chain policy
/// the handshake judges with: no revocation and no downloads (probing must not reach the network beyond the target),
/// and validity left to the expiry checks so an expired certificate is not also reported as untrusted.
/// </summary>
internal sealed class TrustAnchors
{
    private readonly X509Certificate2Collection? _roots;

    private TrustAnchors(X509Certificate2Collection? roots) => _roots = roots;

    public static TrustAnchors System { get; } = new(null);

    /// <summary>The system roots when <paramref name="caBundlePath"/> is null, else only the bundle's certificates.</summary>
    /// <exception cref="InvalidInputException">The bundle is missing, unreadable or holds no certificate.</exception>
    public static TrustAnchors Load(string? caBundlePath)
    {
        if (caBundlePath is null)
            return System;
        if (!File.Exists(caBundlePath))
            throw new InvalidInputException("the CA bundle does not exist.", caBundlePath);

        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(caBundlePath);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException("the CA bundle cannot be read as PEM certificates.", caBundlePath, inner: e);
        }

        return roots.Count == 0
            ? throw new InvalidInputException("the CA bundle holds no PEM certificate.", caBundlePath)
            : new TrustAnchors(roots);
    }

    public X509ChainPolicy CreatePolicy()
    {
        var policy = new X509ChainPolicy
        {
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
            VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid,
        };
        if (_roots is not null)
        {
            policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            policy.CustomTrustStore.AddRange(_roots);
        }

        return policy;
    }
}
