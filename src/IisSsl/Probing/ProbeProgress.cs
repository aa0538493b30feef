namespace IisSsl.Probing;

/// <summary>How far a probe run is: handshakes done of the total.</summary>
public readonly record struct ProbeProgress(int Completed, int Total, string? Current);
