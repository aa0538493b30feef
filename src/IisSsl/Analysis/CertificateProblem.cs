namespace IisSsl.Analysis;

/// <summary>What is wrong with a certificate, as the end of a sentence about it ("expired on 2024-01-01").</summary>
internal sealed record CertificateProblem(string Code, Severity Severity, string Problem);
