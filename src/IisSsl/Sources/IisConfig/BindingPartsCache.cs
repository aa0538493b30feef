using IisSsl.Model;

namespace IisSsl.Sources.IisConfig;

/// <summary>
/// The parts that the bindings of one file share, parsed once and their objects shared. A shared-hosting config
/// names a few dozen endpoints across tens of thousands of bindings (one <see cref="Endpoint"/> per distinct
/// <c>IP:Port</c> text), and a site usually names each host on both its http and https bindings, a line or two apart
/// (the later binding takes the <see cref="HostName"/> of the earlier: an object and a string fewer that live as long
/// as the configuration).
/// </summary>
internal sealed class BindingPartsCache
{
    private const int RecentHostCount = 8;

    private readonly Dictionary<string, KnownEndpoint> _endpointsByText = new(StringComparer.Ordinal);
    private readonly HostName?[] _recentHosts = new HostName?[RecentHostCount];
    private int _nextHost;

    // The bindings of a site mostly share one endpoint: comparing with the last one found skips hashing the text.
    private KnownEndpoint? _lastEndpoint;

    public bool TryGetEndpoint(ReadOnlySpan<char> text, out Endpoint endpoint)
    {
        if (_lastEndpoint is null || !SameText(text, _lastEndpoint.Text))
        {
            if (!_endpointsByText.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var known))
            {
                endpoint = null!;
                return false;
            }

            _lastEndpoint = known;
        }

        endpoint = _lastEndpoint.Endpoint;
        return true;
    }

    public void AddEndpoint(ReadOnlySpan<char> text, Endpoint endpoint)
    {
        var key = text.ToString();
        var known = new KnownEndpoint(key, endpoint, key == endpoint.ToString());
        _endpointsByText.TryAdd(key, known);
        _lastEndpoint = known;
    }

    /// <summary>Whether <paramref name="text"/>, an endpoint text already added, is the text IIS writes for its endpoint (<c>*:443</c>, not <c>0.0.0.0:443</c> or <c>:443</c>).</summary>
    public bool IsWrittenAsIisWrites(ReadOnlySpan<char> text) =>
        TryGetEndpoint(text, out _) && _lastEndpoint!.IsWrittenAsIisWrites;

    /// <summary>
    /// A host name among the last few added whose normalised form is exactly <paramref name="text"/>: text already
    /// in normal form parses to that same name.
    /// </summary>
    public HostName? RecentHost(ReadOnlySpan<char> text)
    {
        foreach (var host in _recentHosts)
        {
            if (host is not null && SameText(text, host.Value))
                return host;
        }

        return null;
    }

    public void AddHost(HostName host)
    {
        _recentHosts[_nextHost] = host;
        _nextHost = (_nextHost + 1) % RecentHostCount;
    }

    // Lengths first: most candidates differ in length, and under ReadyToRun (before tier-1 code) every call into
    // CoreLib is a real call, which made the recent-host check cost more than it saved.
    private static bool SameText(ReadOnlySpan<char> text, string known) =>
        text.Length == known.Length && text.SequenceEqual(known);

    // The text is kept with the endpoint for the last-found check (the three-argument alternate lookup that would
    // give back the key is JIT-compiled on its first call under ReadyToRun).
    private sealed record KnownEndpoint(string Text, Endpoint Endpoint, bool IsWrittenAsIisWrites);
}
