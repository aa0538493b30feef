namespace IisSsl;

/// <summary>
/// What ProbeTlsEndpoints connects to: explicit <see cref="Targets"/> (every farm node) times <see cref="Hosts"/>,
/// or, when those are empty, the https bindings of <see cref="IisConfigPath"/>.
/// </summary>
public sealed record ProbeOptions
{
    /// <summary><c>IP:PORT</c> or <c>name:PORT</c>, e.g. <c>127.0.0.1:8443</c>, <c>[::1]:443</c>.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    public IReadOnlyList<string> Hosts { get; init; } = [];

    public string? IisConfigPath { get; init; }

    /// <summary>The address to dial for bindings on <c>*</c> (All Unassigned) when targets come from the config.</summary>
    public string? ConnectAddress { get; init; }

    /// <summary>Also handshake once per target without SNI (what legacy and IP-only clients get).</summary>
    public bool IncludeNoSni { get; init; } = true;

    /// <summary>Only handshake without SNI (<c>--no-sni</c>).</summary>
    public bool NoSniOnly { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public int MaxConcurrency { get; init; } = 16;

    /// <summary>PEM bundle of trusted roots; null = the system's roots.</summary>
    public string? CaBundlePath { get; init; }

    /// <summary>Optional HTTP check per host: expected status code.</summary>
    public int? ExpectStatus { get; init; }

    /// <summary>
    /// Optional HTTP check per host: text the body must contain (catches the wrong site answering).
    /// <c>{host}</c> stands for the probed host name.
    /// </summary>
    public string? ExpectBodyContains { get; init; }

    /// <summary>The path the HTTP check asks for.</summary>
    public string HttpPath { get; init; } = "/";

    public int ExpiryWarningDays { get; init; } = 30;

    public DateTimeOffset? Now { get; init; }
}
