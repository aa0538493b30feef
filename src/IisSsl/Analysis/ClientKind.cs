namespace IisSsl.Analysis;

/// <summary>Which clients a handshake result applies to.</summary>
internal enum ClientKind
{
    /// <summary>Every client: both kinds are served by the same record.</summary>
    All,

    /// <summary>Clients sending SNI (every modern browser).</summary>
    WithSni,

    /// <summary>Clients sending no SNI: legacy clients and clients connecting to an IP literal.</summary>
    WithoutSni,
}
