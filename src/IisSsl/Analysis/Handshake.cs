using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>
/// What one kind of client gets on one endpoint: the record HTTP.SYS chose (<see cref="Record"/>) and its
/// certificate, or why there is no certificate (<see cref="MissingReason"/>) even though a record was found.
/// <see cref="Inference"/> says which part of the choice is inferred rather than documented (null when none is),
/// so the findings that depend on it can say so.
/// </summary>
internal sealed record Handshake(HandshakeStep Step, SslCertBinding? Record, CertificateInfo? Certificate, string? MissingReason = null)
{
    public static Handshake Fails { get; } = new(HandshakeStep.None, null, null);

    public bool HasRecord => Record is not null;

    /// <summary>The record's netsh key (<c>ipport=0.0.0.0:443</c>), computed once per handshake.</summary>
    public string? RecordKey { get; } = Record?.Key;

    /// <summary>The undocumented HTTP.SYS behaviour this answer relies on, as a sentence; null when it relies on none.</summary>
    public string? Inference { get; init; }

    public bool ServesSameAs(Handshake other) =>
        ReferenceEquals(Record, other.Record) && ReferenceEquals(Certificate, other.Certificate);
}
