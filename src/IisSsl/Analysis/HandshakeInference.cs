namespace IisSsl.Analysis;

/// <summary>
/// The parts of the handshake model that are inferred from public write-ups rather than documented by Microsoft
/// (reference §4.1, §10, §11). Findings that depend on one of them quote it, so a reader knows what to confirm with a
/// live probe (<c>iis-ssl probe</c>).
/// </summary>
internal static class HandshakeInference
{
    public const string WildcardHostnamePort =
        "Inferred, not documented: a wildcard hostnameport record is taken to serve names exactly one label below its parent, after any exact hostnameport record.";

    public const string HostnamePortBeforeCentralStore =
        "Inferred, not documented: a hostnameport record is taken to be used before the ccs record of the same port.";

    public const string IPv6WildcardFirst =
        "Inferred, not documented: IPv6 clients are taken to be served ipport=[::] before ipport=0.0.0.0 (the more specific record first).";
}
