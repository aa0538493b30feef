using IisSsl.Model;

namespace IisSsl.Sources.IisConfig;

/// <summary>
/// One <see cref="Endpoint"/> per distinct <c>IP:Port</c> text of one file. A shared-hosting config names a few dozen
/// endpoints across tens of thousands of bindings, so each is parsed once and its object shared.
/// </summary>
internal sealed class EndpointCache
{
    private readonly Dictionary<string, Endpoint> _byText = new(StringComparer.Ordinal);

    public bool TryGet(ReadOnlySpan<char> text, out Endpoint endpoint) =>
        _byText.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out endpoint!);

    public void Add(ReadOnlySpan<char> text, Endpoint endpoint) => _byText.TryAdd(text.ToString(), endpoint);
}
