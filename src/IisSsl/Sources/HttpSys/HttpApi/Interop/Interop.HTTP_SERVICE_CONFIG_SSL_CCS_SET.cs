using System.Runtime.InteropServices;

namespace IisSsl.Sources.HttpSys.HttpApi;

internal static partial class Interop
{
    internal static partial class HttpApi
    {
        /// <summary>The ccs key: the IPv4 wildcard address with the port.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct HTTP_SERVICE_CONFIG_SSL_CCS_KEY
        {
            internal SOCKADDR_STORAGE LocalAddress;
        }

        /// <summary>HttpServiceConfigSslCcsCertInfo records.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct HTTP_SERVICE_CONFIG_SSL_CCS_SET
        {
            internal HTTP_SERVICE_CONFIG_SSL_CCS_KEY KeyDesc;
            internal HTTP_SERVICE_CONFIG_SSL_PARAM ParamDesc;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal struct HTTP_SERVICE_CONFIG_SSL_CCS_QUERY
        {
            internal int QueryDesc;
            internal HTTP_SERVICE_CONFIG_SSL_CCS_KEY KeyDesc;
            internal uint dwToken;
        }
    }
}
