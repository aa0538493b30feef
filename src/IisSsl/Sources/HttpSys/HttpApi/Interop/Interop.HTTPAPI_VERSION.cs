using System.Runtime.InteropServices;

namespace IisSsl.Sources.HttpSys.HttpApi;

internal static partial class Interop
{
    internal static partial class HttpApi
    {
        [StructLayout(LayoutKind.Sequential)]
        internal struct HTTPAPI_VERSION
        {
            internal ushort HttpApiMajorVersion;
            internal ushort HttpApiMinorVersion;
        }
    }
}
