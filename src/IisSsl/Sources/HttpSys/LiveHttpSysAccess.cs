using System.Runtime.Versioning;
using IisSsl.Sources.HttpSys.HttpApi;

namespace IisSsl.Sources.HttpSys;

/// <summary>
/// How the live machine's HTTP.SYS is read and changed on Windows: through the HTTP Server API (the default), or
/// through <c>netsh http … sslcert</c> when the environment variable <see cref="Variable"/> is <c>netsh</c>. netsh
/// is never chosen silently: its text is localized and an update through it drops the fields it is not given.
/// </summary>
public static class LiveHttpSysAccess
{
    public const string Variable = "IIS_SSL_HTTPSYS_VIA";

    public enum Via
    {
        HttpApi,
        Netsh,
    }

    /// <exception cref="InvalidInputException">The variable holds something other than <c>api</c> or <c>netsh</c>.</exception>
    public static Via Chosen(string? value = null)
    {
        value ??= Environment.GetEnvironmentVariable(Variable);
        return value?.Trim().ToUpperInvariant() switch
        {
            null or "" or "API" or "HTTPAPI" => Via.HttpApi,
            "NETSH" => Via.Netsh,
            _ => throw new InvalidInputException($"{Variable}='{value}' is not 'api' or 'netsh'"),
        };
    }

    /// <summary>The live HTTP.SYS source: the API on Windows unless netsh is chosen; elsewhere netsh's, which says Windows is needed.</summary>
    public static IHttpSysSource Source()
    {
        if (!OperatingSystem.IsWindows())
            return new LiveHttpSys();
        return Chosen() == Via.Netsh ? new LiveHttpSys() : ApiSource();
    }

    [SupportedOSPlatform("windows")]
    private static HttpApiHttpSys ApiSource() => new(NativeHttpApi.Instance);
}
