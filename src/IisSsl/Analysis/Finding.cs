namespace IisSsl.Analysis;

/// <summary>One thing found. <see cref="Code"/> is one of <see cref="FindingCodes"/>, stable across releases.</summary>
public sealed record Finding(
    string Code,
    Severity Severity,
    string Message,
    string? Site = null,
    string? Endpoint = null,
    string? HostName = null);
