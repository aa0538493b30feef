using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>
/// An HTTP.SYS record as <see cref="HttpSysIndex"/> holds it, with the handshake it serves at each step of the
/// lookup once resolved, so the thousands of host names sharing a record resolve it once (and without hashing it).
/// Safe for endpoints evaluated in parallel: two threads may resolve the same slot, and either equal answer is kept.
/// </summary>
internal sealed class IndexedRecord(SslCertBinding record)
{
    private Handshake? _served;
    private Handshake?[]? _servedAtOtherSteps;

    public SslCertBinding Record { get; } = record;

    /// <summary>The cached handshake this record serves at <paramref name="step"/> (null until resolved).</summary>
    public ref Handshake? ServedAt(HandshakeStep step)
    {
        // A record is nearly always served at one step only; a second step gets its own slots.
        if (_served is null || _served.Step == step)
            return ref _served;
        var others = _servedAtOtherSteps
            ?? Interlocked.CompareExchange(ref _servedAtOtherSteps, new Handshake?[(int)HandshakeStep.IPv4Wildcard + 1], null)
            ?? _servedAtOtherSteps;
        return ref others[(int)step];
    }
}
