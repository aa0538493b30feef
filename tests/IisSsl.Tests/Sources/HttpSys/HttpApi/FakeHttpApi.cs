using System.Buffers.Binary;
using System.Net;
using System.Runtime.InteropServices;
using IisSsl.Sources.HttpSys.HttpApi;
using static IisSsl.Sources.HttpSys.HttpApi.Interop.HttpApi;

namespace IisSsl.Tests.Sources.HttpSys.HttpApi;

/// <summary>
/// An in-process httpapi.dll: an in-memory table of certificate records behind the six entry points, reading the
/// caller's native structs and writing its answers into the caller's buffer the way HTTP.SYS does (the set struct
/// first, then the key address, hash and strings it points at), with ERROR_INSUFFICIENT_BUFFER and the needed length
/// when the buffer is too small. It decodes the structs itself, so it checks the engine's marshalling rather than
/// sharing it.
/// </summary>
internal sealed unsafe class FakeHttpApi : IHttpApi
{
    private const uint ErrorInvalidHandle = 6;

    private readonly Dictionary<int, List<Stored>> _tables = new()
    {
        [HttpServiceConfigSSLCertInfo] = [],
        [HttpServiceConfigSslSniCertInfo] = [],
        [HttpServiceConfigSslCcsCertInfo] = [],
    };

    private int _sessions;

    public int InitializeCalls { get; private set; }

    public int TerminateCalls { get; private set; }

    public int InsufficientBufferAnswers { get; private set; }

    public List<string> Calls { get; } = [];

    /// <summary>Whether HttpUpdateServiceConfiguration forgets a record's extended properties (not documented either way).</summary>
    public bool UpdateDropsExtendedProperties { get; set; } = true;

    /// <summary>The number of scoped CCS records (config id 11) HTTP.SYS reports.</summary>
    public int ScopedCcsRecords { get; set; }

    /// <summary>Answers this error instead of running a call whose name ("Set", "Update", "Delete", "Query", "Initialize") and config id match.</summary>
    public Func<string, int, uint?> Fault { get; set; } = (_, _) => null;

    public sealed class Stored(string key, SslParam param)
    {
        public string Key { get; } = key;

        public SslParam Param { get; set; } = param;

        public SortedDictionary<int, StoredExtended> Extended { get; } = [];
    }

    /// <summary>Flags and the union's two numbers; for type 2 (performance) its Type and the bytes its Buffer points at.</summary>
    public sealed record StoredExtended(ulong Flags, uint First, uint Second, byte[]? Buffer = null);

    public IReadOnlyList<Stored> Table(int configId) => _tables[configId];

    public Stored Seed(int configId, string key, SslParam param)
    {
        var stored = new Stored(key, param);
        _tables[configId].Add(stored);
        return stored;
    }

    public Stored? Find(int configId, string key) => _tables[configId].FirstOrDefault(s => s.Key.Equals(key, StringComparison.OrdinalIgnoreCase));

    public uint Initialize(HTTPAPI_VERSION version, uint flags)
    {
        Calls.Add($"Initialize {version.HttpApiMajorVersion}.{version.HttpApiMinorVersion} {flags}");
        if (Fault("Initialize", 0) is { } fault)
            return fault;
        if (flags != HTTP_INITIALIZE_CONFIG)
            return ERROR_INVALID_PARAMETER;
        InitializeCalls++;
        _sessions++;
        return NO_ERROR;
    }

    public uint Terminate(uint flags)
    {
        Calls.Add($"Terminate {flags}");
        TerminateCalls++;
        _sessions--;
        return NO_ERROR;
    }

    public uint SetServiceConfiguration(int configId, void* configInformation, uint length)
    {
        Calls.Add($"Set {configId}");
        if (Refused("Set", configId) is { } refused)
            return refused;
        if (IsExtended(configId))
            return SetExtended(configId, configInformation, update: false);
        if (!_tables.ContainsKey(configId) || length != SetSize(configId))
            return ERROR_INVALID_PARAMETER;
        var (key, param) = ReadSet(configId, configInformation);
        if (configId != HttpServiceConfigSslCcsCertInfo && param.Hash.Length != SslCertHashLength)
            return ERROR_INVALID_PARAMETER;
        if (Find(configId, key) is not null)
            return ERROR_ALREADY_EXISTS;
        Seed(configId, key, param);
        return NO_ERROR;
    }

    public uint UpdateServiceConfiguration(int configId, void* configInformation, uint length)
    {
        Calls.Add($"Update {configId}");
        if (Refused("Update", configId) is { } refused)
            return refused;
        if (IsExtended(configId))
            return SetExtended(configId, configInformation, update: true);
        if (!_tables.ContainsKey(configId) || length != SetSize(configId))
            return ERROR_INVALID_PARAMETER;
        var (key, param) = ReadSet(configId, configInformation);
        if (Find(configId, key) is not { } stored)
            return ERROR_FILE_NOT_FOUND;
        stored.Param = param;
        if (UpdateDropsExtendedProperties)
            stored.Extended.Clear();
        return NO_ERROR;
    }

    public uint DeleteServiceConfiguration(int configId, void* configInformation, uint length)
    {
        Calls.Add($"Delete {configId}");
        if (Refused("Delete", configId) is { } refused)
            return refused;
        if (!_tables.ContainsKey(configId) || length != SetSize(configId))
            return ERROR_INVALID_PARAMETER;
        var key = ReadKey(configId, configInformation);
        var stored = Find(configId, key);
        return stored is not null && _tables[configId].Remove(stored) ? NO_ERROR : ERROR_FILE_NOT_FOUND;
    }

    public uint QueryServiceConfiguration(int configId, void* input, uint inputLength, void* output, uint outputLength, uint* returnLength)
    {
        Calls.Add($"Query {configId}");
        if (Refused("Query", configId) is { } refused)
            return refused;
        if (configId == HttpServiceConfigSslScopedCcsCertInfo)
            return ((HTTP_SERVICE_CONFIG_SSL_SNI_QUERY*)input)->dwToken < ScopedCcsRecords ? NO_ERROR : ERROR_NO_MORE_ITEMS;
        if (IsExtended(configId))
            return QueryExtended(configId, input, output, outputLength, returnLength);
        if (!_tables.ContainsKey(configId))
            return ERROR_INVALID_PARAMETER;

        var queryType = *(int*)input;
        Stored? stored;
        if (queryType == HttpServiceConfigQueryNext)
        {
            var token = configId switch
            {
                HttpServiceConfigSSLCertInfo => ((HTTP_SERVICE_CONFIG_SSL_QUERY*)input)->dwToken,
                HttpServiceConfigSslSniCertInfo => ((HTTP_SERVICE_CONFIG_SSL_SNI_QUERY*)input)->dwToken,
                _ => ((HTTP_SERVICE_CONFIG_SSL_CCS_QUERY*)input)->dwToken,
            };
            if (token >= _tables[configId].Count)
                return ERROR_NO_MORE_ITEMS;
            stored = _tables[configId][(int)token];
        }
        else
        {
            stored = Find(configId, ReadKey(configId, (byte*)input + 8));
            if (stored is null)
                return ERROR_FILE_NOT_FOUND;
        }

        return WriteSet(configId, stored, (byte*)output, outputLength, returnLength);
    }

    private uint? Refused(string call, int configId) =>
        Fault(call, configId) ?? (_sessions > 0 ? null : ErrorInvalidHandle);

    private static bool IsExtended(int configId) => configId is HttpServiceConfigSslCertInfoEx or HttpServiceConfigSslSniCertInfoEx or HttpServiceConfigSslCcsCertInfoEx;

    private static int BaseId(int extendedId) => extendedId switch
    {
        HttpServiceConfigSslCertInfoEx => HttpServiceConfigSSLCertInfo,
        HttpServiceConfigSslSniCertInfoEx => HttpServiceConfigSslSniCertInfo,
        _ => HttpServiceConfigSslCcsCertInfo,
    };

    private static uint SetSize(int configId) => configId switch
    {
        HttpServiceConfigSSLCertInfo => (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_SET),
        HttpServiceConfigSslSniCertInfo => (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_SET),
        _ => (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_CCS_SET),
    };

    /// <summary>The record key at the start of a set (or at offset 8 of a query): ipport holds a pointer, the others the address itself.</summary>
    private static string ReadKey(int configId, void* keyDesc) => configId switch
    {
        HttpServiceConfigSSLCertInfo => Address(*(byte**)keyDesc),
        HttpServiceConfigSslSniCertInfo => $"{new string(((HTTP_SERVICE_CONFIG_SSL_SNI_KEY*)keyDesc)->Host)}:{Port((byte*)keyDesc)}",
        _ => Port((byte*)keyDesc).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The extended key (KEY_EX holds the address inline).</summary>
    private static string ReadExtendedKey(int baseId, byte* keyDesc) =>
        baseId == HttpServiceConfigSSLCertInfo ? Address(keyDesc) : ReadKey(baseId, keyDesc);

    private static string Address(byte* sockaddr)
    {
        var family = BinaryPrimitives.ReadUInt16LittleEndian(new ReadOnlySpan<byte>(sockaddr, 2));
        var port = Port(sockaddr);
        return family switch
        {
            AF_INET => $"{new IPAddress(new ReadOnlySpan<byte>(sockaddr + 4, 4))}:{port}",
            AF_INET6 => $"[{new IPAddress(new ReadOnlySpan<byte>(sockaddr + 8, 16))}]:{port}",
            _ => throw new InvalidOperationException($"the fake got address family {family}"),
        };
    }

    private static int Port(byte* sockaddr) => BinaryPrimitives.ReadUInt16BigEndian(new ReadOnlySpan<byte>(sockaddr + 2, 2));

    private static (string Key, SslParam Param) ReadSet(int configId, void* set)
    {
        var key = ReadKey(configId, set);
        var param = configId switch
        {
            HttpServiceConfigSSLCertInfo => &((HTTP_SERVICE_CONFIG_SSL_SET*)set)->ParamDesc,
            HttpServiceConfigSslSniCertInfo => &((HTTP_SERVICE_CONFIG_SSL_SNI_SET*)set)->ParamDesc,
            _ => &((HTTP_SERVICE_CONFIG_SSL_CCS_SET*)set)->ParamDesc,
        };
        return (key, new SslParam(
            param->pSslHash == null ? [] : new ReadOnlySpan<byte>(param->pSslHash, (int)param->SslHashLength).ToArray(),
            param->AppId,
            Text(param->pSslCertStoreName),
            param->DefaultCertCheckMode,
            param->DefaultRevocationFreshnessTime,
            param->DefaultRevocationUrlRetrievalTimeout,
            Text(param->pDefaultSslCtlIdentifier),
            Text(param->pDefaultSslCtlStoreName),
            param->DefaultFlags));
    }

    private static string? Text(char* text) => text == null ? null : new string(text);

    /// <summary>Lays a record out like HTTP.SYS: the set struct, then the sockaddr (ipport), host, hash and strings, 8-byte aligned.</summary>
    private uint WriteSet(int configId, Stored stored, byte* output, uint outputLength, uint* returnLength)
    {
        var layout = new Layout(SetSize(configId));
        var address = configId == HttpServiceConfigSSLCertInfo ? layout.Reserve(16 + 12) : -1; // SOCKADDR_IN6 is 28 bytes
        var host = configId == HttpServiceConfigSslSniCertInfo ? layout.Reserve(Chars(stored.Key[..stored.Key.LastIndexOf(':')])) : -1;
        var hash = layout.Reserve(stored.Param.Hash.Length);
        var store = layout.Reserve(Chars(stored.Param.StoreName));
        var ctlIdentifier = layout.Reserve(Chars(stored.Param.CtlIdentifier));
        var ctlStore = layout.Reserve(Chars(stored.Param.CtlStoreName));
        *returnLength = layout.Length;
        if (outputLength < layout.Length || output == null)
        {
            InsufficientBufferAnswers++;
            return ERROR_INSUFFICIENT_BUFFER;
        }

        new Span<byte>(output, (int)outputLength).Clear();
        HTTP_SERVICE_CONFIG_SSL_PARAM* param;
        switch (configId)
        {
            case HttpServiceConfigSSLCertInfo:
                var set = (HTTP_SERVICE_CONFIG_SSL_SET*)output;
                var encoded = EncodeAddress(stored.Key);
                Buffer.MemoryCopy(&encoded, output + address, 28, 28);
                set->KeyDesc.pIpPort = (SOCKADDR_STORAGE*)(output + address);
                param = &set->ParamDesc;
                break;
            case HttpServiceConfigSslSniCertInfo:
                var sni = (HTTP_SERVICE_CONFIG_SSL_SNI_SET*)output;
                sni->KeyDesc.IpPort = SockaddrCodec.Encode(IPAddress.Any, int.Parse(stored.Key[(stored.Key.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
                sni->KeyDesc.Host = WriteText(output, host, stored.Key[..stored.Key.LastIndexOf(':')]);
                param = &sni->ParamDesc;
                break;
            default:
                var ccs = (HTTP_SERVICE_CONFIG_SSL_CCS_SET*)output;
                ccs->KeyDesc.LocalAddress = SockaddrCodec.Encode(IPAddress.Any, int.Parse(stored.Key, System.Globalization.CultureInfo.InvariantCulture));
                param = &ccs->ParamDesc;
                break;
        }

        var values = stored.Param;
        param->SslHashLength = (uint)values.Hash.Length;
        if (values.Hash.Length > 0)
        {
            values.Hash.CopyTo(new Span<byte>(output + hash, values.Hash.Length));
            param->pSslHash = output + hash;
        }

        param->AppId = values.AppId;
        param->pSslCertStoreName = WriteText(output, store, values.StoreName);
        param->DefaultCertCheckMode = values.CertCheckMode;
        param->DefaultRevocationFreshnessTime = values.RevocationFreshnessTime;
        param->DefaultRevocationUrlRetrievalTimeout = values.RevocationUrlRetrievalTimeout;
        param->pDefaultSslCtlIdentifier = WriteText(output, ctlIdentifier, values.CtlIdentifier);
        param->pDefaultSslCtlStoreName = WriteText(output, ctlStore, values.CtlStoreName);
        param->DefaultFlags = values.Flags;
        return NO_ERROR;
    }

    private uint SetExtended(int configId, void* set, bool update)
    {
        var baseId = BaseId(configId);
        var key = ReadExtendedKey(baseId, (byte*)set);
        var param = ExtendedParam(baseId, set);
        if (Find(baseId, key) is not { } stored)
            return ERROR_FILE_NOT_FOUND;
        if (stored.Extended.ContainsKey(param->ParamType) != update)
            return update ? ERROR_FILE_NOT_FOUND : ERROR_ALREADY_EXISTS;
        StoredExtended? value = param->ParamType switch
        {
            ExParamTypeHttp2Window => new(param->Flags, param->Value.Http2WindowSizeParam.Http2ReceiveWindowSize, 0),
            ExParamTypeHttp2SettingsLimits => new(param->Flags, param->Value.Http2SettingsLimitsParam.Http2MaxSettingsPerFrame, param->Value.Http2SettingsLimitsParam.Http2MaxSettingsPerMinute),
            ExParamTypeHttpPerformance => new(
                param->Flags,
                (uint)param->Value.HttpPerformanceParam.Type,
                0,
                new ReadOnlySpan<byte>(param->Value.HttpPerformanceParam.Buffer, (int)param->Value.HttpPerformanceParam.BufferSize).ToArray()),
            _ => null,
        };
        if (value is null)
            return ERROR_INVALID_PARAMETER;
        stored.Extended[param->ParamType] = value;
        return NO_ERROR;
    }

    private uint QueryExtended(int configId, void* input, void* output, uint outputLength, uint* returnLength)
    {
        var baseId = BaseId(configId);
        var keyDesc = (byte*)input + 8;
        var paramType = baseId switch
        {
            HttpServiceConfigSSLCertInfo => ((HTTP_SERVICE_CONFIG_SSL_QUERY_EX*)input)->ParamType,
            HttpServiceConfigSslSniCertInfo => ((HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX*)input)->ParamType,
            _ => ((HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX*)input)->ParamType,
        };
        if (paramType is < 0 or >= ExParamTypeMax)
            return ERROR_INVALID_PARAMETER;
        if (Find(baseId, ReadExtendedKey(baseId, keyDesc)) is not { } stored || !stored.Extended.TryGetValue(paramType, out var value))
            return ERROR_FILE_NOT_FOUND;

        var size = baseId switch
        {
            HttpServiceConfigSSLCertInfo => (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_SET_EX),
            HttpServiceConfigSslSniCertInfo => (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_SET_EX),
            _ => (uint)sizeof(HTTP_SERVICE_CONFIG_SSL_CCS_SET_EX),
        };
        var layout = new Layout(size);
        var host = baseId == HttpServiceConfigSslSniCertInfo ? layout.Reserve(Chars(stored.Key[..stored.Key.LastIndexOf(':')])) : -1;
        var data = layout.Reserve(value.Buffer?.Length ?? 0);
        *returnLength = layout.Length;
        if (outputLength < layout.Length || output == null)
        {
            InsufficientBufferAnswers++;
            return ERROR_INSUFFICIENT_BUFFER;
        }

        var bytes = (byte*)output;
        new Span<byte>(bytes, (int)outputLength).Clear();
        new ReadOnlySpan<byte>(keyDesc, baseId == HttpServiceConfigSslSniCertInfo ? sizeof(SOCKADDR_STORAGE) : sizeof(SOCKADDR_STORAGE)).CopyTo(new Span<byte>(bytes, sizeof(SOCKADDR_STORAGE)));
        if (baseId == HttpServiceConfigSslSniCertInfo)
            ((HTTP_SERVICE_CONFIG_SSL_SNI_KEY*)bytes)->Host = WriteText(bytes, host, stored.Key[..stored.Key.LastIndexOf(':')]);
        var param = ExtendedParam(baseId, output);
        param->ParamType = paramType;
        param->Flags = value.Flags;
        switch (paramType)
        {
            case ExParamTypeHttp2Window:
                param->Value.Http2WindowSizeParam.Http2ReceiveWindowSize = value.First;
                break;
            case ExParamTypeHttp2SettingsLimits:
                param->Value.Http2SettingsLimitsParam.Http2MaxSettingsPerFrame = value.First;
                param->Value.Http2SettingsLimitsParam.Http2MaxSettingsPerMinute = value.Second;
                break;
            default:
                param->Value.HttpPerformanceParam.Type = (int)value.First;
                param->Value.HttpPerformanceParam.BufferSize = (uint)value.Buffer!.Length;
                value.Buffer.CopyTo(new Span<byte>(bytes + data, value.Buffer.Length));
                param->Value.HttpPerformanceParam.Buffer = bytes + data;
                break;
        }

        return NO_ERROR;
    }

    private static HTTP_SERVICE_CONFIG_SSL_PARAM_EX* ExtendedParam(int baseId, void* set) => baseId switch
    {
        HttpServiceConfigSSLCertInfo => &((HTTP_SERVICE_CONFIG_SSL_SET_EX*)set)->ParamDesc,
        HttpServiceConfigSslSniCertInfo => &((HTTP_SERVICE_CONFIG_SSL_SNI_SET_EX*)set)->ParamDesc,
        _ => &((HTTP_SERVICE_CONFIG_SSL_CCS_SET_EX*)set)->ParamDesc,
    };

    private static SOCKADDR_STORAGE EncodeAddress(string key)
    {
        var colon = key.LastIndexOf(':');
        var host = key[..colon].Trim('[', ']');
        return SockaddrCodec.Encode(IPAddress.Parse(host), int.Parse(key[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static int Chars(string? text) => text is null ? 0 : (text.Length + 1) * sizeof(char);

    private static char* WriteText(byte* output, int offset, string? text)
    {
        if (text is null)
            return null;
        var target = (char*)(output + offset);
        text.AsSpan().CopyTo(new Span<char>(target, text.Length));
        target[text.Length] = '\0';
        return target;
    }

    private sealed class Layout(uint start)
    {
        public uint Length { get; private set; } = start;

        public int Reserve(int bytes)
        {
            var offset = (int)((Length + 7) & ~7u);
            Length = (uint)(offset + bytes);
            return offset;
        }
    }
}
