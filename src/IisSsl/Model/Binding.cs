using System.Globalization;

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
    // Null when the text is exactly what Endpoint and Host are written as, as it is for most bindings read from a
    // file: a 10,000-site config holds 50,000 of these texts, and only messages and plans read them.
    private readonly string? _bindingInformation = BindingInformation;

    /// <summary>The <c>bindingInformation</c> text as written, e.g. <c>*:443:www.example.com</c>.</summary>
    public string BindingInformation
    {
        get => _bindingInformation ?? string.Create(CultureInfo.InvariantCulture, $"{Endpoint!.IisAddress}:{Endpoint.Port}:{Host?.Value}");
        init => _bindingInformation = value;
    }

    public bool IsHttps => string.Equals(Protocol, "https", StringComparison.OrdinalIgnoreCase);

    public bool IsHttp => string.Equals(Protocol, "http", StringComparison.OrdinalIgnoreCase);

    public bool UsesSni => SslFlags.HasFlag(SslFlags.Sni);

    public bool UsesCentralCertStore => SslFlags.HasFlag(SslFlags.CentralCertStore);

    /// <summary>A parsed http/https binding whose text is what <paramref name="endpoint"/> and <paramref name="host"/> are written as (IIS's own form), so it is not kept.</summary>
    internal static Binding WrittenAsParsed(string protocol, Endpoint endpoint, HostName? host, SslFlags sslFlags, SourceLocation? location, string? problem) =>
        new(protocol, null!, endpoint, host, sslFlags, location, problem);

    // Equality by the text, whether it is kept or given by the endpoint and host.
    public bool Equals(Binding? other) =>
        other is not null
        && string.Equals(Protocol, other.Protocol, StringComparison.Ordinal)
        && string.Equals(BindingInformation, other.BindingInformation, StringComparison.Ordinal)
        && Equals(Endpoint, other.Endpoint)
        && Equals(Host, other.Host)
        && SslFlags == other.SslFlags
        && Location == other.Location
        && string.Equals(Problem, other.Problem, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Protocol, BindingInformation, Endpoint, Host, SslFlags, Location, Problem);

    public override string ToString() => $"{Protocol.ToLowerInvariant()}/{BindingInformation}";
}
