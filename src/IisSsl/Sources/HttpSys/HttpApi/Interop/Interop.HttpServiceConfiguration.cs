using System.Runtime.InteropServices;

namespace IisSsl.Sources.HttpSys.HttpApi;

internal static partial class Interop
{
    /// <summary>
    /// The httpapi.dll entry points this tool uses. Every argument is blittable, so the generated stubs pass the
    /// pointers through unchanged; the code above them is reached only through <see cref="IHttpApi"/>.
    /// </summary>
    internal static partial class HttpApi
    {
        [LibraryImport(Libraries.HttpApi)]
        internal static unsafe partial uint HttpInitialize(HTTPAPI_VERSION version, uint flags, void* pReserved);

        [LibraryImport(Libraries.HttpApi)]
        internal static unsafe partial uint HttpTerminate(uint flags, void* pReserved);

        [LibraryImport(Libraries.HttpApi)]
        internal static unsafe partial uint HttpSetServiceConfiguration(nint serviceHandle, int configId, void* pConfigInformation, uint configInformationLength, void* pOverlapped);

        [LibraryImport(Libraries.HttpApi)]
        internal static unsafe partial uint HttpUpdateServiceConfiguration(nint handle, int configId, void* configInfo, uint configInfoLength, void* overlapped);

        [LibraryImport(Libraries.HttpApi)]
        internal static unsafe partial uint HttpDeleteServiceConfiguration(nint serviceHandle, int configId, void* pConfigInformation, uint configInformationLength, void* pOverlapped);

        [LibraryImport(Libraries.HttpApi)]
        internal static unsafe partial uint HttpQueryServiceConfiguration(
            nint serviceHandle, int configId, void* pInput, uint inputLength, void* pOutput, uint outputLength, uint* pReturnLength, void* pOverlapped);
    }
}
