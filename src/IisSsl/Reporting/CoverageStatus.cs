namespace IisSsl.Reporting;

/// <summary>What a client asking for one host name on one endpoint gets.</summary>
public enum CoverageStatus
{
    /// <summary>The certificate served names the host.</summary>
    Covered,

    /// <summary>A certificate is served, but it does not name the host: the browser shows an error.</summary>
    NotCovered,

    /// <summary>No HTTP.SYS record serves this binding: the handshake fails.</summary>
    NoCertificate,

    /// <summary>A record points at a certificate that could not be found.</summary>
    CertificateMissing,

    /// <summary>A catch-all binding (no host header): any name reaches it, so none can be checked.</summary>
    AnyName,
}
