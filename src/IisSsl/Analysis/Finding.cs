using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>
/// One thing found. <see cref="Code"/> is one of <see cref="FindingCodes"/>, stable across releases.
/// <see cref="Location"/> points at the configuration line the finding is about, when there is one.
/// </summary>
public sealed record Finding(
    string Code,
    Severity Severity,
    string Message,
    string? Site = null,
    string? Endpoint = null,
    string? HostName = null,
    SourceLocation? Location = null);
