using System.Runtime.InteropServices;

namespace IisSsl.Sources.HttpSys.HttpApi;

internal static partial class Interop
{
    internal static partial class HttpApi
    {
        /// <summary>The payload of every certificate record (http.h).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct HTTP_SERVICE_CONFIG_SSL_PARAM
        {
            internal uint SslHashLength;
            internal void* pSslHash;
            internal Guid AppId;
            internal char* pSslCertStoreName;
            internal uint DefaultCertCheckMode;
            internal uint DefaultRevocationFreshnessTime;
            internal uint DefaultRevocationUrlRetrievalTimeout;
            internal char* pDefaultSslCtlIdentifier;
            internal char* pDefaultSslCtlStoreName;
            internal uint DefaultFlags;
        }
    }
}
