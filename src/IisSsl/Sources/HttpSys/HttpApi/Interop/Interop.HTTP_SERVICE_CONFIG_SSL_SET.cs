using System.Runtime.InteropServices;

namespace IisSsl.Sources.HttpSys.HttpApi;

internal static partial class Interop
{
    internal static partial class HttpApi
    {
        /// <summary>The ipport key: a pointer to a SOCKADDR (SOCKADDR_IN or SOCKADDR_IN6).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct HTTP_SERVICE_CONFIG_SSL_KEY
        {
            internal SOCKADDR_STORAGE* pIpPort;
        }

        /// <summary>HttpServiceConfigSSLCertInfo records.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct HTTP_SERVICE_CONFIG_SSL_SET
        {
            internal HTTP_SERVICE_CONFIG_SSL_KEY KeyDesc;
            internal HTTP_SERVICE_CONFIG_SSL_PARAM ParamDesc;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal struct HTTP_SERVICE_CONFIG_SSL_QUERY
        {
            internal int QueryDesc;
            internal HTTP_SERVICE_CONFIG_SSL_KEY KeyDesc;
            internal uint dwToken;
        }
    }
}
