using IisSsl.Model;

namespace IisSsl.Sources.HttpSys;

/// <summary>
/// HTTP.SYS records from a saved <c>netsh http show sslcert</c> output (read only), UTF-8 or UTF-16 as
/// PowerShell's <c>&gt;</c> writes it. <c>netsh http show sslcert &gt; sslcert.txt</c> on the server makes one.
/// </summary>
public sealed class NetshSslCertText(string path) : IHttpSysSource
{
    public string Path { get; } = path ?? throw new ArgumentNullException(nameof(path));

    public HttpSysState Read() => NetshSslCertParser.ParseFile(Path);
}
