using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>
/// What one kind of client gets on one endpoint: the record HTTP.SYS chose (<see cref="Record"/>) and its
/// certificate, or why there is no certificate (<see cref="MissingReason"/>) even though a record was found.
/// </summary>
internal sealed record Handshake(HandshakeStep Step, SslCertBinding? Record, CertificateInfo? Certificate, string? MissingReason = null)
{
    public static Handshake Fails { get; } = new(HandshakeStep.None, null, null);

    public bool HasRecord => Record is not null;

    /// <summary>The record's netsh key (<c>ipport=0.0.0.0:443</c>), computed once per handshake.</summary>
    public string? RecordKey { get; } = Record?.Key;

    public bool ServesSameAs(Handshake other) =>
        ReferenceEquals(Record, other.Record) && ReferenceEquals(Certificate, other.Certificate);
}
