using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static IisSsl.Sources.HttpSys.HttpApi.Interop.HttpApi;

namespace IisSsl.Tests.Sources.HttpSys.HttpApi;

/// <summary>
/// The structs' sizes and field offsets against the values the Windows SDK's http.h gives on 64-bit Windows (x64 and
/// arm64 lay them out the same: pointers 8 bytes and 8-aligned, GUID 16 bytes 4-aligned, SOCKADDR_STORAGE 128 bytes
/// 8-aligned by its __int64 member, enums 4 bytes). Each expected number is derived in the comment beside it.
/// </summary>
public sealed unsafe class HttpApiLayoutTests
{
    private static int Offset<T>(string field) => (int)Marshal.OffsetOf<T>(field);

    [Fact]
    public void The_tests_run_on_a_64_bit_process_as_the_layouts_below_assume() => Assert.Equal(8, IntPtr.Size);

    [Fact]
    public void HTTPAPI_VERSION_is_two_ushorts() => Assert.Equal(4, sizeof(HTTPAPI_VERSION));

    [Fact]
    public void SOCKADDR_STORAGE_is_128_bytes_aligned_to_8()
    {
        Assert.Equal(128, sizeof(SOCKADDR_STORAGE));
        Assert.Equal(8, Offset<SOCKADDR_STORAGE>(nameof(SOCKADDR_STORAGE.__ss_align))); // ushort family + 6 bytes pad
    }

    [Fact]
    public void HTTP_SERVICE_CONFIG_SSL_PARAM_matches_http_h()
    {
        Assert.Equal(0, Offset<HTTP_SERVICE_CONFIG_SSL_PARAM>(nameof(HTTP_SERVICE_CONFIG_SSL_PARAM.SslHashLength)));
        Assert.Equal(8, Offset<HTTP_SERVICE_CONFIG_SSL_PARAM>(nameof(HTTP_SERVICE_CONFIG_SSL_PARAM.pSslHash)));                    // ULONG 4 + pad 4
        Assert.Equal(16, Offset<HTTP_SERVICE_CONFIG_SSL_PARAM>(nameof(HTTP_SERVICE_CONFIG_SSL_PARAM.AppId)));                      // 8 + PVOID 8
        Assert.Equal(32, Offset<HTTP_SERVICE_CONFIG_SSL_PARAM>(nameof(HTTP_SERVICE_CONFIG_SSL_PARAM.pSslCertStoreName)));          // 16 + GUID 16
        Assert.Equal(40, Offset<HTTP_SERVICE_CONFIG_SSL_PARAM>(nameof(HTTP_SERVICE_CONFIG_SSL_PARAM.DefaultCertCheckMode)));       // 32 + PWSTR 8
        Assert.Equal(44, Offset<HTTP_SERVICE_CONFIG_SSL_PARAM>(nameof(HTTP_SERVICE_CONFIG_SSL_PARAM.DefaultRevocationFreshnessTime)));
        Assert.Equal(48, Offset<HTTP_SERVICE_CONFIG_SSL_PARAM>(nameof(HTTP_SERVICE_CONFIG_SSL_PARAM.DefaultRevocationUrlRetrievalTimeout)));
        Assert.Equal(56, Offset<HTTP_SERVICE_CONFIG_SSL_PARAM>(nameof(HTTP_SERVICE_CONFIG_SSL_PARAM.pDefaultSslCtlIdentifier)));   // 52 padded to 8
        Assert.Equal(64, Offset<HTTP_SERVICE_CONFIG_SSL_PARAM>(nameof(HTTP_SERVICE_CONFIG_SSL_PARAM.pDefaultSslCtlStoreName)));
        Assert.Equal(72, Offset<HTTP_SERVICE_CONFIG_SSL_PARAM>(nameof(HTTP_SERVICE_CONFIG_SSL_PARAM.DefaultFlags)));
        Assert.Equal(80, sizeof(HTTP_SERVICE_CONFIG_SSL_PARAM));                                                                  // 76 padded to 8
    }

    [Fact]
    public void The_ipport_structs_hold_a_pointer_to_the_address()
    {
        Assert.Equal(8, sizeof(HTTP_SERVICE_CONFIG_SSL_KEY));                                                         // PSOCKADDR
        Assert.Equal(8, Offset<HTTP_SERVICE_CONFIG_SSL_SET>(nameof(HTTP_SERVICE_CONFIG_SSL_SET.ParamDesc)));
        Assert.Equal(88, sizeof(HTTP_SERVICE_CONFIG_SSL_SET));                                                        // 8 + 80
        Assert.Equal(8, Offset<HTTP_SERVICE_CONFIG_SSL_QUERY>(nameof(HTTP_SERVICE_CONFIG_SSL_QUERY.KeyDesc)));        // enum 4 + pad 4
        Assert.Equal(16, Offset<HTTP_SERVICE_CONFIG_SSL_QUERY>(nameof(HTTP_SERVICE_CONFIG_SSL_QUERY.dwToken)));
        Assert.Equal(24, sizeof(HTTP_SERVICE_CONFIG_SSL_QUERY));                                                      // 20 padded to 8
    }

    [Fact]
    public void The_hostnameport_structs_embed_the_address_and_point_at_the_host()
    {
        Assert.Equal(128, Offset<HTTP_SERVICE_CONFIG_SSL_SNI_KEY>(nameof(HTTP_SERVICE_CONFIG_SSL_SNI_KEY.Host)));
        Assert.Equal(136, sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_KEY));                                                   // 128 + PWSTR 8
        Assert.Equal(136, Offset<HTTP_SERVICE_CONFIG_SSL_SNI_SET>(nameof(HTTP_SERVICE_CONFIG_SSL_SNI_SET.ParamDesc)));
        Assert.Equal(216, sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_SET));                                                   // 136 + 80
        Assert.Equal(8, Offset<HTTP_SERVICE_CONFIG_SSL_SNI_QUERY>(nameof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY.KeyDesc))); // key is 8-aligned
        Assert.Equal(144, Offset<HTTP_SERVICE_CONFIG_SSL_SNI_QUERY>(nameof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY.dwToken))); // 8 + 136
        Assert.Equal(152, sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY));                                                 // 148 padded to 8
    }

    [Fact]
    public void The_ccs_structs_embed_the_address()
    {
        Assert.Equal(128, sizeof(HTTP_SERVICE_CONFIG_SSL_CCS_KEY));
        Assert.Equal(128, Offset<HTTP_SERVICE_CONFIG_SSL_CCS_SET>(nameof(HTTP_SERVICE_CONFIG_SSL_CCS_SET.ParamDesc)));
        Assert.Equal(208, sizeof(HTTP_SERVICE_CONFIG_SSL_CCS_SET));                                                   // 128 + 80
        Assert.Equal(8, Offset<HTTP_SERVICE_CONFIG_SSL_CCS_QUERY>(nameof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY.KeyDesc)));
        Assert.Equal(136, Offset<HTTP_SERVICE_CONFIG_SSL_CCS_QUERY>(nameof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY.dwToken))); // 8 + 128
        Assert.Equal(144, sizeof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY));                                                 // 140 padded to 8
    }

    [Fact]
    public void HTTP_SERVICE_CONFIG_SSL_PARAM_EX_is_a_type_a_ULONGLONG_and_a_16_byte_union()
    {
        Assert.Equal(16, sizeof(HTTP_SERVICE_CONFIG_SSL_PARAM_EX_UNION));                                             // largest member: {ULONG/USHORTs, PVOID} = 16
        Assert.Equal(0, Offset<HTTP_SERVICE_CONFIG_SSL_PARAM_EX>(nameof(HTTP_SERVICE_CONFIG_SSL_PARAM_EX.ParamType)));
        Assert.Equal(8, Offset<HTTP_SERVICE_CONFIG_SSL_PARAM_EX>(nameof(HTTP_SERVICE_CONFIG_SSL_PARAM_EX.Flags)));      // enum 4 + pad 4
        Assert.Equal(16, Offset<HTTP_SERVICE_CONFIG_SSL_PARAM_EX>(nameof(HTTP_SERVICE_CONFIG_SSL_PARAM_EX.Value)));
        Assert.Equal(32, sizeof(HTTP_SERVICE_CONFIG_SSL_PARAM_EX));
        Assert.Equal(8, Offset<HTTP_PERFORMANCE_PARAM>(nameof(HTTP_PERFORMANCE_PARAM.Buffer)));                       // enum 4 + ULONG 4
        Assert.Equal(8, Offset<HTTP_ERROR_HEADERS_PARAM>(nameof(HTTP_ERROR_HEADERS_PARAM.Headers)));                  // 2 USHORTs + pad 4
        Assert.Equal(4, Offset<HTTP2_SETTINGS_LIMITS_PARAM>(nameof(HTTP2_SETTINGS_LIMITS_PARAM.Http2MaxSettingsPerMinute)));
    }

    [Fact]
    public void The_extended_set_and_query_structs_match_http_h()
    {
        Assert.Equal(128, sizeof(HTTP_SERVICE_CONFIG_SSL_KEY_EX));                                                    // the address inline, not a pointer
        Assert.Equal(128, Offset<HTTP_SERVICE_CONFIG_SSL_SET_EX>(nameof(HTTP_SERVICE_CONFIG_SSL_SET_EX.ParamDesc)));
        Assert.Equal(160, sizeof(HTTP_SERVICE_CONFIG_SSL_SET_EX));                                                    // 128 + 32
        Assert.Equal(136, Offset<HTTP_SERVICE_CONFIG_SSL_SNI_SET_EX>(nameof(HTTP_SERVICE_CONFIG_SSL_SNI_SET_EX.ParamDesc)));
        Assert.Equal(168, sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_SET_EX));                                                // 136 + 32
        Assert.Equal(160, sizeof(HTTP_SERVICE_CONFIG_SSL_CCS_SET_EX));                                                // 128 + 32

        Assert.Equal(8, Offset<HTTP_SERVICE_CONFIG_SSL_QUERY_EX>(nameof(HTTP_SERVICE_CONFIG_SSL_QUERY_EX.KeyDesc)));
        Assert.Equal(136, Offset<HTTP_SERVICE_CONFIG_SSL_QUERY_EX>(nameof(HTTP_SERVICE_CONFIG_SSL_QUERY_EX.dwToken))); // 8 + 128
        Assert.Equal(140, Offset<HTTP_SERVICE_CONFIG_SSL_QUERY_EX>(nameof(HTTP_SERVICE_CONFIG_SSL_QUERY_EX.ParamType)));
        Assert.Equal(144, sizeof(HTTP_SERVICE_CONFIG_SSL_QUERY_EX));
        Assert.Equal(144, Offset<HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX>(nameof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX.dwToken))); // 8 + 136
        Assert.Equal(148, Offset<HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX>(nameof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX.ParamType)));
        Assert.Equal(152, sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX));
        Assert.Equal(140, Offset<HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX>(nameof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX.ParamType)));
        Assert.Equal(144, sizeof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX));
    }

    [Fact]
    public void Marshal_and_the_runtime_agree_on_every_size()
    {
        // The structs are blittable: what the runtime lays out is what LibraryImport passes, byte for byte.
        Assert.Equal(Marshal.SizeOf<HTTP_SERVICE_CONFIG_SSL_SNI_SET>(), Unsafe.SizeOf<HTTP_SERVICE_CONFIG_SSL_SNI_SET>());
        Assert.Equal(Marshal.SizeOf<HTTP_SERVICE_CONFIG_SSL_SET_EX>(), Unsafe.SizeOf<HTTP_SERVICE_CONFIG_SSL_SET_EX>());
        Assert.Equal(Marshal.SizeOf<HTTP_SERVICE_CONFIG_SSL_QUERY>(), Unsafe.SizeOf<HTTP_SERVICE_CONFIG_SSL_QUERY>());
    }

    [Fact]
    public void The_config_ids_are_those_of_the_HTTP_SERVICE_CONFIG_ID_enumeration()
    {
        // IPListenList 0, SSLCertInfo 1, UrlAclInfo 2, Timeout 3, Cache 4, SslSniCertInfo 5, SslCcsCertInfo 6, Setting 7,
        // SslCertInfoEx 8, SslSniCertInfoEx 9, SslCcsCertInfoEx 10, SslScopedCcsCertInfo 11.
        Assert.Equal(
            [1, 5, 6, 8, 9, 10, 11],
            new[] { HttpServiceConfigSSLCertInfo, HttpServiceConfigSslSniCertInfo, HttpServiceConfigSslCcsCertInfo, HttpServiceConfigSslCertInfoEx, HttpServiceConfigSslSniCertInfoEx, HttpServiceConfigSslCcsCertInfoEx, HttpServiceConfigSslScopedCcsCertInfo });
    }
}
