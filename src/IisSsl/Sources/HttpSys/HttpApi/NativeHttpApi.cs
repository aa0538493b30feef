using System.Runtime.Versioning;

namespace IisSsl.Sources.HttpSys.HttpApi;

/// <summary>httpapi.dll itself. Never called by the tests (they run on Linux, against a fake).</summary>
[SupportedOSPlatform("windows")]
internal sealed unsafe class NativeHttpApi : IHttpApi
{
    public static NativeHttpApi Instance { get; } = new();

    public uint Initialize(Interop.HttpApi.HTTPAPI_VERSION version, uint flags) => Interop.HttpApi.HttpInitialize(version, flags, null);

    public uint Terminate(uint flags) => Interop.HttpApi.HttpTerminate(flags, null);

    public uint SetServiceConfiguration(int configId, void* configInformation, uint length) =>
        Interop.HttpApi.HttpSetServiceConfiguration(0, configId, configInformation, length, null);

    public uint UpdateServiceConfiguration(int configId, void* configInformation, uint length) =>
        Interop.HttpApi.HttpUpdateServiceConfiguration(0, configId, configInformation, length, null);

    public uint DeleteServiceConfiguration(int configId, void* configInformation, uint length) =>
        Interop.HttpApi.HttpDeleteServiceConfiguration(0, configId, configInformation, length, null);

    public uint QueryServiceConfiguration(int configId, void* input, uint inputLength, void* output, uint outputLength, uint* returnLength) =>
        Interop.HttpApi.HttpQueryServiceConfiguration(0, configId, input, inputLength, output, outputLength, returnLength, null);
}
