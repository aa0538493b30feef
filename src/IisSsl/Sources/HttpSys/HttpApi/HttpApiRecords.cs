using System.Net;
using IisSsl.Model;
using static IisSsl.Sources.HttpSys.HttpApi.Interop.HttpApi;

namespace IisSsl.Sources.HttpSys.HttpApi;

/// <summary>
/// The certificate records of HTTP.SYS through the HTTP Server API, one family at a time: enumerate (query-next with
/// the insufficient-buffer re-query), query one, set, update, delete, and the extended properties of a record. Each
/// call builds the http.h structs on the stack with the strings and hash pinned for the call's duration. Callers hold
/// an <see cref="HttpApiSession"/>.
/// </summary>
internal sealed unsafe class HttpApiRecords(IHttpApi api, uint initialQueryBuffer = 1024)
{
    private const int MaxQueryAttempts = 8;

    public static IReadOnlyList<SslCertBindingKind> Kinds { get; } =
        [SslCertBindingKind.IpPort, SslCertBindingKind.HostnamePort, SslCertBindingKind.CentralCertificateStore];

    /// <summary>Every record of <paramref name="kind"/>, in HTTP.SYS's order, with its parameters.</summary>
    /// <exception cref="HttpApiException">A query failed with anything but ERROR_NO_MORE_ITEMS at the end.</exception>
    public List<(SslCertBinding Record, SslParam Param)> ReadAll(SslCertBindingKind kind)
    {
        var records = new List<(SslCertBinding, SslParam)>();
        for (uint token = 0; ; token++)
        {
            var (status, buffer) = QueryNext(kind, token);
            using (buffer)
            {
                if (status == ERROR_NO_MORE_ITEMS)
                    return records;
                if (status != NO_ERROR)
                    throw new HttpApiException(status, $"HttpQueryServiceConfiguration({Family(kind)} record {token})");
                records.Add(Decode(kind, buffer.Pointer));
            }
        }
    }

    /// <summary>The record with <paramref name="key"/>'s key, or null when HTTP.SYS has none (ERROR_FILE_NOT_FOUND).</summary>
    public (SslCertBinding Record, SslParam Param)? Find(SslCertBinding key)
    {
        var (status, buffer) = QueryExact(key);
        using (buffer)
        {
            return status switch
            {
                NO_ERROR => Decode(key.Kind, buffer.Pointer),
                ERROR_FILE_NOT_FOUND => null,
                _ => throw new HttpApiException(status, $"HttpQueryServiceConfiguration({key.Key})"),
            };
        }
    }

    public uint Set(SslCertBinding record, SslParam param) =>
        WithSet(record, param, (id, set, length) => api.SetServiceConfiguration(id, (void*)set, length));

    public uint Update(SslCertBinding record, SslParam param) =>
        WithSet(record, param, (id, set, length) => api.UpdateServiceConfiguration(id, (void*)set, length));

    public uint Delete(SslCertBinding record) =>
        WithSet(record, Empty, (id, set, length) => api.DeleteServiceConfiguration(id, (void*)set, length));

    /// <summary>
    /// The extended property <paramref name="paramType"/> of a record as HTTP.SYS returns it (an
    /// HTTP_SERVICE_CONFIG_*_SET_EX in <see cref="NativeBuffer"/>), or the error (ERROR_FILE_NOT_FOUND: the record
    /// has none of that type; ERROR_INVALID_PARAMETER: this Windows does not know the type).
    /// </summary>
    public (uint Status, NativeBuffer Buffer) QueryExtended(SslCertBinding key, int paramType)
    {
        switch (key.Kind)
        {
            case SslCertBindingKind.IpPort:
                {
                    var query = new HTTP_SERVICE_CONFIG_SSL_QUERY_EX { QueryDesc = HttpServiceConfigQueryExact, ParamType = paramType };
                    query.KeyDesc.IpPort = SockaddrCodec.Encode(key.Address ?? IPAddress.Any, key.Port);
                    return Query(HttpServiceConfigSslCertInfoEx, &query, (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_QUERY_EX));
                }

            case SslCertBindingKind.HostnamePort:
                fixed (char* host = key.Host!.Value)
                {
                    var query = new HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX { QueryDesc = HttpServiceConfigQueryExact, ParamType = paramType };
                    query.KeyDesc.IpPort = SockaddrCodec.Encode(IPAddress.Any, key.Port);
                    query.KeyDesc.Host = host;
                    return Query(HttpServiceConfigSslSniCertInfoEx, &query, (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX));
                }

            default:
                {
                    var query = new HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX { QueryDesc = HttpServiceConfigQueryExact, ParamType = paramType };
                    query.KeyDesc.LocalAddress = SockaddrCodec.Encode(IPAddress.Any, key.Port);
                    return Query(HttpServiceConfigSslCcsCertInfoEx, &query, (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX));
                }
        }
    }

    /// <summary>The HTTP_SERVICE_CONFIG_SSL_PARAM_EX inside a <see cref="QueryExtended"/> answer.</summary>
    public static HTTP_SERVICE_CONFIG_SSL_PARAM_EX* ExtendedParam(SslCertBindingKind kind, NativeBuffer buffer) => kind switch
    {
        SslCertBindingKind.IpPort => &((HTTP_SERVICE_CONFIG_SSL_SET_EX*)buffer.Pointer)->ParamDesc,
        SslCertBindingKind.HostnamePort => &((HTTP_SERVICE_CONFIG_SSL_SNI_SET_EX*)buffer.Pointer)->ParamDesc,
        _ => &((HTTP_SERVICE_CONFIG_SSL_CCS_SET_EX*)buffer.Pointer)->ParamDesc,
    };

    /// <summary>Sets a <see cref="QueryExtended"/> answer back as it is (its pointers point into the same buffer).</summary>
    public uint SetExtended(SslCertBindingKind kind, NativeBuffer queried) =>
        api.SetServiceConfiguration(ExtendedConfigId(kind), queried.Pointer, queried.Length);

    /// <summary>Sets (or, with <paramref name="update"/>, updates) one numeric extended property of a record.</summary>
    public uint SetExtended(SslCertBinding key, ExtendedProperty property, bool update)
    {
        var param = new HTTP_SERVICE_CONFIG_SSL_PARAM_EX { ParamType = property.ParamType, Flags = property.Flags };
        if (property.ParamType == ExParamTypeHttp2Window)
        {
            param.Value.Http2WindowSizeParam.Http2ReceiveWindowSize = property.First;
        }
        else
        {
            param.Value.Http2SettingsLimitsParam.Http2MaxSettingsPerFrame = property.First;
            param.Value.Http2SettingsLimitsParam.Http2MaxSettingsPerMinute = property.Second;
        }

        var id = ExtendedConfigId(key.Kind);
        switch (key.Kind)
        {
            case SslCertBindingKind.IpPort:
                {
                    var set = new HTTP_SERVICE_CONFIG_SSL_SET_EX { ParamDesc = param };
                    set.KeyDesc.IpPort = SockaddrCodec.Encode(key.Address ?? IPAddress.Any, key.Port);
                    return Call(id, &set, (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_SET_EX), update);
                }

            case SslCertBindingKind.HostnamePort:
                fixed (char* host = key.Host!.Value)
                {
                    var set = new HTTP_SERVICE_CONFIG_SSL_SNI_SET_EX { ParamDesc = param };
                    set.KeyDesc.IpPort = SockaddrCodec.Encode(IPAddress.Any, key.Port);
                    set.KeyDesc.Host = host;
                    return Call(id, &set, (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_SET_EX), update);
                }

            default:
                {
                    var set = new HTTP_SERVICE_CONFIG_SSL_CCS_SET_EX { ParamDesc = param };
                    set.KeyDesc.LocalAddress = SockaddrCodec.Encode(IPAddress.Any, key.Port);
                    return Call(id, &set, (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_CCS_SET_EX), update);
                }
        }
    }

    /// <summary>
    /// Whether HTTP.SYS holds scoped Central Certificate Store records. http.h declares the config id but documents
    /// no structure for it; that its key is the SNI key (host:port) is inferred from netsh's <c>scopedccs=name:port</c>
    /// (unverified). ERROR_INVALID_PARAMETER (a Windows without the id) counts as none.
    /// </summary>
    public bool HasScopedCcsRecords()
    {
        var query = new HTTP_SERVICE_CONFIG_SSL_SNI_QUERY { QueryDesc = HttpServiceConfigQueryNext, dwToken = 0 };
        var (status, buffer) = Query(HttpServiceConfigSslScopedCcsCertInfo, &query, (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY));
        buffer.Dispose();
        return status switch
        {
            NO_ERROR => true,
            ERROR_NO_MORE_ITEMS or ERROR_FILE_NOT_FOUND or ERROR_INVALID_PARAMETER => false,
            _ => throw new HttpApiException(status, "HttpQueryServiceConfiguration(scoped CCS records)"),
        };
    }

    public static string Family(SslCertBindingKind kind) => kind switch
    {
        SslCertBindingKind.IpPort => "ipport",
        SslCertBindingKind.HostnamePort => "hostnameport",
        _ => "ccs",
    };

    private static SslParam Empty { get; } = new([], Guid.Empty, null, 0, 0, 0, null, null, 0);

    private static int ConfigId(SslCertBindingKind kind) => kind switch
    {
        SslCertBindingKind.IpPort => HttpServiceConfigSSLCertInfo,
        SslCertBindingKind.HostnamePort => HttpServiceConfigSslSniCertInfo,
        _ => HttpServiceConfigSslCcsCertInfo,
    };

    private static int ExtendedConfigId(SslCertBindingKind kind) => kind switch
    {
        SslCertBindingKind.IpPort => HttpServiceConfigSslCertInfoEx,
        SslCertBindingKind.HostnamePort => HttpServiceConfigSslSniCertInfoEx,
        _ => HttpServiceConfigSslCcsCertInfoEx,
    };

    private uint Call(int configId, void* set, uint length, bool update) =>
        update ? api.UpdateServiceConfiguration(configId, set, length) : api.SetServiceConfiguration(configId, set, length);

    private (uint Status, NativeBuffer Buffer) QueryNext(SslCertBindingKind kind, uint token)
    {
        switch (kind)
        {
            case SslCertBindingKind.IpPort:
                {
                    var query = new HTTP_SERVICE_CONFIG_SSL_QUERY { QueryDesc = HttpServiceConfigQueryNext, dwToken = token };
                    return Query(HttpServiceConfigSSLCertInfo, &query, (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_QUERY));
                }

            case SslCertBindingKind.HostnamePort:
                {
                    var query = new HTTP_SERVICE_CONFIG_SSL_SNI_QUERY { QueryDesc = HttpServiceConfigQueryNext, dwToken = token };
                    return Query(HttpServiceConfigSslSniCertInfo, &query, (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY));
                }

            default:
                {
                    var query = new HTTP_SERVICE_CONFIG_SSL_CCS_QUERY { QueryDesc = HttpServiceConfigQueryNext, dwToken = token };
                    return Query(HttpServiceConfigSslCcsCertInfo, &query, (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY));
                }
        }
    }

    private (uint Status, NativeBuffer Buffer) QueryExact(SslCertBinding key)
    {
        switch (key.Kind)
        {
            case SslCertBindingKind.IpPort:
                {
                    var address = SockaddrCodec.Encode(key.Address ?? IPAddress.Any, key.Port);
                    var query = new HTTP_SERVICE_CONFIG_SSL_QUERY { QueryDesc = HttpServiceConfigQueryExact };
                    query.KeyDesc.pIpPort = &address;
                    return Query(HttpServiceConfigSSLCertInfo, &query, (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_QUERY));
                }

            case SslCertBindingKind.HostnamePort:
                fixed (char* host = key.Host!.Value)
                {
                    var query = new HTTP_SERVICE_CONFIG_SSL_SNI_QUERY { QueryDesc = HttpServiceConfigQueryExact };
                    query.KeyDesc.IpPort = SockaddrCodec.Encode(IPAddress.Any, key.Port);
                    query.KeyDesc.Host = host;
                    return Query(HttpServiceConfigSslSniCertInfo, &query, (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY));
                }

            default:
                {
                    var query = new HTTP_SERVICE_CONFIG_SSL_CCS_QUERY { QueryDesc = HttpServiceConfigQueryExact };
                    query.KeyDesc.LocalAddress = SockaddrCodec.Encode(IPAddress.Any, key.Port);
                    return Query(HttpServiceConfigSslCcsCertInfo, &query, (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY));
                }
        }
    }

    /// <summary>
    /// One query, re-asked with the length HTTP.SYS says it needs while it answers ERROR_INSUFFICIENT_BUFFER or
    /// ERROR_MORE_DATA (a record can grow between the two calls, hence the loop).
    /// </summary>
    private (uint Status, NativeBuffer Buffer) Query(int configId, void* input, uint inputLength)
    {
        var size = initialQueryBuffer;
        for (var attempt = 0; attempt < MaxQueryAttempts; attempt++)
        {
            var buffer = new NativeBuffer(size);
            uint needed = 0;
            var status = api.QueryServiceConfiguration(configId, input, inputLength, buffer.Pointer, buffer.Length, &needed);
            if (status is not (ERROR_INSUFFICIENT_BUFFER or ERROR_MORE_DATA))
                return (status, buffer);
            buffer.Dispose();
            size = needed > size ? needed : checked(Math.Max(size, 256u) * 2);
        }

        throw new HttpApiException(ERROR_INSUFFICIENT_BUFFER, $"HttpQueryServiceConfiguration (config id {configId}: the answer kept growing)");
    }

    private uint WithSet(SslCertBinding record, SslParam param, Func<int, nint, uint, uint> call)
    {
        fixed (byte* hash = param.Hash)
        fixed (char* store = param.StoreName)
        fixed (char* ctlIdentifier = param.CtlIdentifier)
        fixed (char* ctlStore = param.CtlStoreName)
        fixed (char* host = record.Host?.Value)
        {
            var native = new HTTP_SERVICE_CONFIG_SSL_PARAM
            {
                SslHashLength = (uint)param.Hash.Length,
                pSslHash = param.Hash.Length == 0 ? null : hash,
                AppId = param.AppId,
                pSslCertStoreName = store,
                DefaultCertCheckMode = param.CertCheckMode,
                DefaultRevocationFreshnessTime = param.RevocationFreshnessTime,
                DefaultRevocationUrlRetrievalTimeout = param.RevocationUrlRetrievalTimeout,
                pDefaultSslCtlIdentifier = ctlIdentifier,
                pDefaultSslCtlStoreName = ctlStore,
                DefaultFlags = param.Flags,
            };
            switch (record.Kind)
            {
                case SslCertBindingKind.IpPort:
                    {
                        var address = SockaddrCodec.Encode(record.Address ?? IPAddress.Any, record.Port);
                        var set = new HTTP_SERVICE_CONFIG_SSL_SET { ParamDesc = native };
                        set.KeyDesc.pIpPort = &address;
                        return call(ConfigId(record.Kind), (nint)(&set), (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_SET));
                    }

                case SslCertBindingKind.HostnamePort:
                    {
                        var set = new HTTP_SERVICE_CONFIG_SSL_SNI_SET { ParamDesc = native };
                        set.KeyDesc.IpPort = SockaddrCodec.Encode(IPAddress.Any, record.Port);
                        set.KeyDesc.Host = host;
                        return call(ConfigId(record.Kind), (nint)(&set), (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_SET));
                    }

                default:
                    {
                        var set = new HTTP_SERVICE_CONFIG_SSL_CCS_SET { ParamDesc = native };
                        set.KeyDesc.LocalAddress = SockaddrCodec.Encode(IPAddress.Any, record.Port);
                        return call(ConfigId(record.Kind), (nint)(&set), (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_CCS_SET));
                    }
            }
        }
    }

    private static (SslCertBinding Record, SslParam Param) Decode(SslCertBindingKind kind, void* output)
    {
        SslCertBinding record;
        HTTP_SERVICE_CONFIG_SSL_PARAM* param;
        switch (kind)
        {
            case SslCertBindingKind.IpPort:
                {
                    var set = (HTTP_SERVICE_CONFIG_SSL_SET*)output;
                    var (address, port) = SockaddrCodec.Decode(set->KeyDesc.pIpPort);
                    record = new SslCertBinding(kind, port, address);
                    param = &set->ParamDesc;
                    break;
                }

            case SslCertBindingKind.HostnamePort:
                {
                    var set = (HTTP_SERVICE_CONFIG_SSL_SNI_SET*)output;
                    var port = SockaddrCodec.Decode(&set->KeyDesc.IpPort).Port;
                    var name = new string(set->KeyDesc.Host);
                    param = &set->ParamDesc;

                    // "The hostname will be "*" when the SSL central certificate store is queried and wildcard bindings are
                    // used" (HttpSetServiceConfiguration): read like netsh's hostnameport=*:443, as the CCS record.
                    if (name == "*")
                    {
                        record = new SslCertBinding(SslCertBindingKind.CentralCertificateStore, port);
                        break;
                    }

                    if (!HostName.TryParse(name, out var host, out var error))
                        throw new InvalidDataException($"hostnameport record '{name}:{port}': {error}");
                    record = new SslCertBinding(kind, port, Host: host);
                    break;
                }

            default:
                {
                    var set = (HTTP_SERVICE_CONFIG_SSL_CCS_SET*)output;
                    record = new SslCertBinding(kind, SockaddrCodec.Decode(&set->KeyDesc.LocalAddress).Port);
                    param = &set->ParamDesc;
                    break;
                }
        }

        var values = Read(param);
        return (record with
        {
            Thumbprint = values.Hash.Length == 0 ? null : Convert.ToHexString(values.Hash),
            StoreName = string.IsNullOrEmpty(values.StoreName) ? "MY" : values.StoreName,
            AppId = values.AppId,
        }, values);
    }

    private static SslParam Read(HTTP_SERVICE_CONFIG_SSL_PARAM* param) => new(
        param->pSslHash == null ? [] : new ReadOnlySpan<byte>(param->pSslHash, checked((int)param->SslHashLength)).ToArray(),
        param->AppId,
        Text(param->pSslCertStoreName),
        param->DefaultCertCheckMode,
        param->DefaultRevocationFreshnessTime,
        param->DefaultRevocationUrlRetrievalTimeout,
        Text(param->pDefaultSslCtlIdentifier),
        Text(param->pDefaultSslCtlStoreName),
        param->DefaultFlags);

    private static string? Text(char* text) => text == null ? null : new string(text);
}
