namespace IisSsl.Sources.HttpSys.HttpApi;

/// <summary>
/// The six httpapi.dll entry points the reader and executor call, exactly as http.h declares them (Win32 error
/// codes, caller-owned native buffers). <see cref="NativeHttpApi"/> forwards to httpapi.dll; tests put an
/// in-process fake here that reads and writes the same native structs, so all the marshalling above it runs.
/// </summary>
internal unsafe interface IHttpApi
{
    uint Initialize(Interop.HttpApi.HTTPAPI_VERSION version, uint flags);

    uint Terminate(uint flags);

    uint SetServiceConfiguration(int configId, void* configInformation, uint length);

    uint UpdateServiceConfiguration(int configId, void* configInformation, uint length);

    uint DeleteServiceConfiguration(int configId, void* configInformation, uint length);

    uint QueryServiceConfiguration(int configId, void* input, uint inputLength, void* output, uint outputLength, uint* returnLength);
}
