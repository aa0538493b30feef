namespace IisSsl.Probing;

/// <summary>One target and the host names probed on it, in the order they were given.</summary>
public sealed record ProbeEndpoint(ProbeTarget Target, IReadOnlyList<ProbeHost> Hosts);
