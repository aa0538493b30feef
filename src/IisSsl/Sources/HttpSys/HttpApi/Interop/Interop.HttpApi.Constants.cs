namespace IisSsl.Sources.HttpSys.HttpApi;

internal static partial class Interop
{
    /// <summary>Values from http.h and winerror.h (Windows SDK).</summary>
    internal static partial class HttpApi
    {
        internal const uint HTTP_INITIALIZE_CONFIG = 0x00000002;

        // HTTP_SERVICE_CONFIG_ID
        internal const int HttpServiceConfigSSLCertInfo = 1;
        internal const int HttpServiceConfigSslSniCertInfo = 5;
        internal const int HttpServiceConfigSslCcsCertInfo = 6;
        internal const int HttpServiceConfigSslCertInfoEx = 8;
        internal const int HttpServiceConfigSslSniCertInfoEx = 9;
        internal const int HttpServiceConfigSslCcsCertInfoEx = 10;
        internal const int HttpServiceConfigSslScopedCcsCertInfo = 11;

        // HTTP_SERVICE_CONFIG_QUERY_TYPE
        internal const int HttpServiceConfigQueryExact = 0;
        internal const int HttpServiceConfigQueryNext = 1;

        // HTTP_SSL_SERVICE_CONFIG_EX_PARAM_TYPE
        internal const int ExParamTypeHttp2Window = 0;
        internal const int ExParamTypeHttp2SettingsLimits = 1;
        internal const int ExParamTypeHttpPerformance = 2;
        internal const int ExParamTypeTlsRestrictions = 3;
        internal const int ExParamTypeErrorHeaders = 4;
        internal const int ExParamTypeTlsSessionTicketKeys = 5;
        internal const int ExParamTypeMax = 6;

        // DefaultCertCheckMode bits
        internal const uint CertCheckModeNoRevocationCheck = 0x1;
        internal const uint CertCheckModeCachedRevocationOnly = 0x2;
        internal const uint CertCheckModeFreshnessTimeEnabled = 0x4;
        internal const uint CertCheckModeNoUsageCheck = 0x10000;

        // HTTP_SERVICE_CONFIG_SSL_FLAG_*
        internal const uint SslFlagUseDsMapper = 0x1;
        internal const uint SslFlagNegotiateClientCert = 0x2;
        internal const uint SslFlagReject = 0x8;
        internal const uint SslFlagDisableHttp2 = 0x10;
        internal const uint SslFlagDisableQuic = 0x20;
        internal const uint SslFlagDisableTls13 = 0x40;
        internal const uint SslFlagDisableOcspStapling = 0x80;
        internal const uint SslFlagEnableTokenBinding = 0x100;
        internal const uint SslFlagLogExtendedEvents = 0x200;
        internal const uint SslFlagDisableLegacyTls = 0x400;
        internal const uint SslFlagEnableSessionTicket = 0x800;
        internal const uint SslFlagDisableTls12 = 0x1000;

        // winerror.h
        internal const uint NO_ERROR = 0;
        internal const uint ERROR_FILE_NOT_FOUND = 2;
        internal const uint ERROR_ACCESS_DENIED = 5;
        internal const uint ERROR_INVALID_PARAMETER = 87;
        internal const uint ERROR_INSUFFICIENT_BUFFER = 122;
        internal const uint ERROR_ALREADY_EXISTS = 183;
        internal const uint ERROR_MORE_DATA = 234;
        internal const uint ERROR_NO_MORE_ITEMS = 259;
        internal const uint ERROR_NO_SUCH_LOGON_SESSION = 1312;

        // ws2def.h: AF_INET6 is 23 on Windows (not Linux's 10).
        internal const ushort AF_INET = 2;
        internal const ushort AF_INET6 = 23;

        internal const int SslCertHashLength = 20;
    }
}
