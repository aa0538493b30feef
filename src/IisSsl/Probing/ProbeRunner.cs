namespace IisSsl.Probing;

/// <summary>
/// Runs the handshakes of a plan with bounded concurrency, retrying a connection failure or timeout once.
/// Results come back in request order, whatever order they finish in.
/// </summary>
internal sealed class ProbeRunner(TlsHandshaker handshaker, int maxConcurrency)
{
    public async Task<HandshakeResult[]> RunAsync(
        IReadOnlyList<HandshakeRequest> requests,
        IProgress<ProbeProgress>? progress,
        CancellationToken cancellationToken)
    {
        var results = new HandshakeResult[requests.Count];
        var completed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, requests.Count), parallel, async (index, token) =>
        {
            results[index] = await WithOneRetryAsync(requests[index], token).ConfigureAwait(false);
            progress?.Report(new ProbeProgress(Interlocked.Increment(ref completed), requests.Count, requests[index].ToString()));
        }).ConfigureAwait(false);
        return results;
    }

    private async Task<HandshakeResult> WithOneRetryAsync(HandshakeRequest request, CancellationToken cancellationToken)
    {
        var first = await handshaker.HandshakeAsync(request, cancellationToken).ConfigureAwait(false);
        if (!first.FailedToConnect)
            return first;
        var second = await handshaker.HandshakeAsync(request, cancellationToken).ConfigureAwait(false);
        return second with { Attempts = 2 };
    }
}
