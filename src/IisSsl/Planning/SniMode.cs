namespace IisSsl.Planning;

/// <summary>How a manifest entry's host names get their certificate (manifest <c>sni</c>).</summary>
public enum SniMode
{
    /// <summary>Shared ipport record when one certificate covers every non-SNI host on the endpoint; SNI otherwise.</summary>
    Auto,

    /// <summary>A hostnameport record per host (sslFlags SNI bit set).</summary>
    Always,

    /// <summary>The endpoint's shared ipport record (SNI bit cleared).</summary>
    Never,
}
