namespace IisSsl.Sources.HttpSys.HttpApi;

/// <summary>An HTTP Server API call returned <see cref="Error"/>; callers add what they were doing.</summary>
internal sealed class HttpApiException(uint error, string function, Exception? inner = null)
    : Exception($"{function} failed: {HttpApiCall.Describe(error)}", inner)
{
    public uint Error { get; } = error;

    public string Function { get; } = function;
}
