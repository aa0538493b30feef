using System.Runtime.InteropServices;

namespace IisSsl.Sources.HttpSys.HttpApi;

internal static partial class Interop
{
    internal static partial class HttpApi
    {
        [StructLayout(LayoutKind.Sequential)]
        internal struct HTTP2_WINDOW_SIZE_PARAM
        {
            internal uint Http2ReceiveWindowSize;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal struct HTTP2_SETTINGS_LIMITS_PARAM
        {
            internal uint Http2MaxSettingsPerFrame;
            internal uint Http2MaxSettingsPerMinute;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct HTTP_PERFORMANCE_PARAM
        {
            internal int Type;
            internal uint BufferSize;
            internal void* Buffer;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct HTTP_TLS_RESTRICTIONS_PARAM
        {
            internal uint RestrictionCount;
            internal void* TlsRestrictions;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct HTTP_ERROR_HEADERS_PARAM
        {
            internal ushort StatusCode;
            internal ushort HeaderCount;
            internal void* Headers;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct HTTP_TLS_SESSION_TICKET_KEYS_PARAM
        {
            internal uint SessionTicketKeyCount;
            internal void* SessionTicketKeys;
        }

        /// <summary>The anonymous union of HTTP_SERVICE_CONFIG_SSL_PARAM_EX.</summary>
        [StructLayout(LayoutKind.Explicit)]
        internal struct HTTP_SERVICE_CONFIG_SSL_PARAM_EX_UNION
        {
            [FieldOffset(0)] internal HTTP2_WINDOW_SIZE_PARAM Http2WindowSizeParam;
            [FieldOffset(0)] internal HTTP2_SETTINGS_LIMITS_PARAM Http2SettingsLimitsParam;
            [FieldOffset(0)] internal HTTP_PERFORMANCE_PARAM HttpPerformanceParam;
            [FieldOffset(0)] internal HTTP_TLS_RESTRICTIONS_PARAM HttpTlsRestrictionsParam;
            [FieldOffset(0)] internal HTTP_ERROR_HEADERS_PARAM HttpErrorHeadersParam;
            [FieldOffset(0)] internal HTTP_TLS_SESSION_TICKET_KEYS_PARAM HttpTlsSessionTicketKeysParam;
        }

        /// <summary>One extended property of a record (one ParamType per set or query).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct HTTP_SERVICE_CONFIG_SSL_PARAM_EX
        {
            internal int ParamType;
            internal ulong Flags;
            internal HTTP_SERVICE_CONFIG_SSL_PARAM_EX_UNION Value;
        }

        /// <summary>The ipport key of the extended calls holds the address itself, not a pointer.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct HTTP_SERVICE_CONFIG_SSL_KEY_EX
        {
            internal SOCKADDR_STORAGE IpPort;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal struct HTTP_SERVICE_CONFIG_SSL_SET_EX
        {
            internal HTTP_SERVICE_CONFIG_SSL_KEY_EX KeyDesc;
            internal HTTP_SERVICE_CONFIG_SSL_PARAM_EX ParamDesc;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal struct HTTP_SERVICE_CONFIG_SSL_SNI_SET_EX
        {
            internal HTTP_SERVICE_CONFIG_SSL_SNI_KEY KeyDesc;
            internal HTTP_SERVICE_CONFIG_SSL_PARAM_EX ParamDesc;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal struct HTTP_SERVICE_CONFIG_SSL_CCS_SET_EX
        {
            internal HTTP_SERVICE_CONFIG_SSL_CCS_KEY KeyDesc;
            internal HTTP_SERVICE_CONFIG_SSL_PARAM_EX ParamDesc;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal struct HTTP_SERVICE_CONFIG_SSL_QUERY_EX
        {
            internal int QueryDesc;
            internal HTTP_SERVICE_CONFIG_SSL_KEY_EX KeyDesc;
            internal uint dwToken;
            internal int ParamType;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal struct HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX
        {
            internal int QueryDesc;
            internal HTTP_SERVICE_CONFIG_SSL_SNI_KEY KeyDesc;
            internal uint dwToken;
            internal int ParamType;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal struct HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX
        {
            internal int QueryDesc;
            internal HTTP_SERVICE_CONFIG_SSL_CCS_KEY KeyDesc;
            internal uint dwToken;
            internal int ParamType;
        }
    }
}
