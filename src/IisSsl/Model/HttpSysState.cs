namespace IisSsl.Model;

/// <summary>The HTTP.SYS certificate records of one machine (or of a saved snapshot of it).</summary>
public sealed record HttpSysState(string Source, IReadOnlyList<SslCertBinding> Bindings)
{
    public static HttpSysState Empty(string source) => new(source, []);
}
