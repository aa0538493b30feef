namespace IisSsl.Reporting;

/// <summary>The certificate facts a report shows.</summary>
public sealed record CertificateSummary(
    string Thumbprint,
    string Subject,
    IReadOnlyList<string> DnsNames,
    DateTimeOffset NotAfter,
    string? Source);
