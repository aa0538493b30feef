using System.Runtime.InteropServices;

namespace IisSsl.Sources.HttpSys.HttpApi;

internal static partial class Interop
{
    internal static partial class HttpApi
    {
        /// <summary>ws2def.h SOCKADDR_STORAGE: 128 bytes, 8-byte aligned (its <c>__ss_align</c> is an __int64).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct SOCKADDR_STORAGE
        {
            internal ushort ss_family;
            internal fixed byte __ss_pad1[6];
            internal long __ss_align;
            internal fixed byte __ss_pad2[112];
        }
    }
}
