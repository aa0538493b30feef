namespace IisSsl.Reporting;

/// <summary>
/// One host name on one endpoint: which HTTP.SYS record serves it (<see cref="ServedBy"/>, e.g.
/// <c>ipport=0.0.0.0:443</c>), which certificate that is, and whether it covers the name.
/// </summary>
public sealed record HostReport(
    string Site,
    string? HostName,
    bool Sni,
    string? ServedBy,
    CertificateSummary? Certificate,
    CoverageStatus Status);
