namespace IisSsl.Reporting;

/// <summary>
/// One IP:Port (<c>*:443</c>, <c>10.0.0.5:443</c>) or, for a probe, one target. <see cref="DefaultCertificate"/>
/// is what a client without SNI gets there (the ipport record); <see cref="Hosts"/> lists every host name bound there.
/// </summary>
public sealed record EndpointReport(
    string Endpoint,
    string? DefaultRecord,
    CertificateSummary? DefaultCertificate,
    IReadOnlyList<HostReport> Hosts);
