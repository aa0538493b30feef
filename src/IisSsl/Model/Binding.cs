namespace IisSsl.Model;

/// <summary>
/// One <c>&lt;binding&gt;</c> of a site. For http/https, <see cref="Endpoint"/> is parsed from
/// <see cref="BindingInformation"/>; <see cref="Host"/> is null for a catch-all (empty host) binding.
/// Other protocols (net.tcp, ftp...) keep only the raw text. A binding whose text could not be parsed
/// carries <see cref="Problem"/> and is reported as <c>InvalidBinding</c>.
/// </summary>
public sealed record Binding(
    string Protocol,
    string BindingInformation,
    Endpoint? Endpoint,
    HostName? Host,
    SslFlags SslFlags,
    SourceLocation? Location = null,
    string? Problem = null)
{
    public bool IsHttps => string.Equals(Protocol, "https", StringComparison.OrdinalIgnoreCase);

    public bool IsHttp => string.Equals(Protocol, "http", StringComparison.OrdinalIgnoreCase);

    public bool UsesSni => SslFlags.HasFlag(SslFlags.Sni);

    public bool UsesCentralCertStore => SslFlags.HasFlag(SslFlags.CentralCertStore);

    public override string ToString() => $"{Protocol.ToLowerInvariant()}/{BindingInformation}";
}
