using System.Runtime.InteropServices;

namespace IisSsl.Sources.HttpSys.HttpApi;

internal static partial class Interop
{
    internal static partial class HttpApi
    {
        /// <summary>The hostnameport key: the IPv4 wildcard address with the port, and the host name.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct HTTP_SERVICE_CONFIG_SSL_SNI_KEY
        {
            internal SOCKADDR_STORAGE IpPort;
            internal char* Host;
        }

        /// <summary>HttpServiceConfigSslSniCertInfo records.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct HTTP_SERVICE_CONFIG_SSL_SNI_SET
        {
            internal HTTP_SERVICE_CONFIG_SSL_SNI_KEY KeyDesc;
            internal HTTP_SERVICE_CONFIG_SSL_PARAM ParamDesc;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal struct HTTP_SERVICE_CONFIG_SSL_SNI_QUERY
        {
            internal int QueryDesc;
            internal HTTP_SERVICE_CONFIG_SSL_SNI_KEY KeyDesc;
            internal uint dwToken;
        }
    }
}
