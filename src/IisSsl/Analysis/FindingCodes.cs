namespace IisSsl.Analysis;

/// <summary>Stable finding codes. Add new ones; never rename one (users filter and suppress by code).</summary>
public static class FindingCodes
{
    public const string HostNotCovered = nameof(HostNotCovered);
    public const string NoCertificateBound = nameof(NoCertificateBound);
    public const string CertificateNotFound = nameof(CertificateNotFound);
    public const string CertificateExpired = nameof(CertificateExpired);
    public const string CertificateNotYetValid = nameof(CertificateNotYetValid);
    public const string CertificateExpiresSoon = nameof(CertificateExpiresSoon);
    public const string DuplicateBinding = nameof(DuplicateBinding);
    public const string MissingPrivateKey = nameof(MissingPrivateKey);
    public const string NotServerAuthentication = nameof(NotServerAuthentication);
    public const string WeakKey = nameof(WeakKey);
    public const string WeakSignature = nameof(WeakSignature);
    public const string SniWithoutFallback = nameof(SniWithoutFallback);
    public const string InvalidBinding = nameof(InvalidBinding);
    public const string ShadowedByIpPortRecord = nameof(ShadowedByIpPortRecord);

    /// <summary>A file among the certificates was not read (not a regular file, or over the size cap): a warning naming it.</summary>
    public const string CertificateFileSkipped = nameof(CertificateFileSkipped);

    // Live probing (ProbeTlsEndpoints).
    public const string ConnectionFailed = nameof(ConnectionFailed);
    public const string HandshakeFailed = nameof(HandshakeFailed);
    public const string Timeout = nameof(Timeout);
    public const string UntrustedChain = nameof(UntrustedChain);
    public const string WrongSite = nameof(WrongSite);
    public const string InconsistentAcrossTargets = nameof(InconsistentAcrossTargets);
    public const string HostNotProbed = nameof(HostNotProbed);

    // Planning (EnsureSslHostHeaders).
    public const string ChangeRefused = nameof(ChangeRefused);
}
