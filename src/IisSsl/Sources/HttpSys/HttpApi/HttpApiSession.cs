using static IisSsl.Sources.HttpSys.HttpApi.Interop.HttpApi;

namespace IisSsl.Sources.HttpSys.HttpApi;

/// <summary>HttpInitialize(HTTP_INITIALIZE_CONFIG) for the configuration calls, HttpTerminate on dispose.</summary>
internal sealed class HttpApiSession : IDisposable
{
    private static readonly HTTPAPI_VERSION Version2 = new() { HttpApiMajorVersion = 2, HttpApiMinorVersion = 0 };

    private readonly IHttpApi _api;
    private bool _open;

    private HttpApiSession(IHttpApi api)
    {
        _api = api;
        _open = true;
    }

    /// <exception cref="HttpApiException">HttpInitialize failed, or httpapi.dll cannot be loaded (error 0 then, with the cause inside).</exception>
    public static HttpApiSession Open(IHttpApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        uint status;
        try
        {
            status = api.Initialize(Version2, HTTP_INITIALIZE_CONFIG);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            throw new HttpApiUnavailableException(e);
        }

        return status == NO_ERROR ? new HttpApiSession(api) : throw new HttpApiException(status, "HttpInitialize");
    }

    public void Dispose()
    {
        if (!_open)
            return;
        _open = false;
        _api.Terminate(HTTP_INITIALIZE_CONFIG);
    }
}

/// <summary>httpapi.dll (or one of its entry points) is not there.</summary>
internal sealed class HttpApiUnavailableException(Exception inner)
    : Exception($"the HTTP Server API (httpapi.dll) is not available here ({inner.Message})", inner);
