using IisSsl.Model;
using static IisSsl.Sources.HttpSys.HttpApi.Interop.HttpApi;

namespace IisSsl.Sources.HttpSys.HttpApi;

/// <summary>
/// The live machine's HTTP.SYS records read through the HTTP Server API (HttpQueryServiceConfiguration): every
/// ipport, hostnameport and ccs record with all of its fields and extended properties, labelled as netsh labels them
/// so the snapshot is the same whichever way it was read. Refuses (rather than ignores) scoped CCS records, which the
/// analysis does not model.
/// </summary>
internal sealed class HttpApiHttpSys(IHttpApi api, uint initialQueryBuffer = 1024) : IHttpSysSource
{
    public const string Source = "HTTP Server API (HttpQueryServiceConfiguration)";

    public HttpSysState Read()
    {
        try
        {
            using var session = HttpApiSession.Open(api);
            var records = new HttpApiRecords(api, initialQueryBuffer);
            var bindings = new List<SslCertBinding>();
            foreach (var kind in HttpApiRecords.Kinds)
            {
                foreach (var (record, param) in records.ReadAll(kind))
                    bindings.Add(record with { Settings = SslParamSettings.ToSettings(param, ReadExtended(records, record)) });
            }

            if (records.HasScopedCcsRecords())
            {
                throw new InvalidInputException(
                    "HTTP.SYS holds scoped Central Certificate Store records (netsh http show sslcert scopedccs=…), which this tool does not model; it cannot say what those clients are served");
            }

            return new HttpSysState(Source, bindings);
        }
        catch (HttpApiException e)
        {
            throw new InvalidInputException($"reading HTTP.SYS through the HTTP Server API: {e.Message}", inner: e);
        }
        catch (HttpApiUnavailableException e)
        {
            throw new InvalidInputException($"{e.Message}; set {LiveHttpSysAccess.Variable}=netsh to read HTTP.SYS through netsh instead", inner: e);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidInputException($"HTTP.SYS returned {e.Message}", Source, inner: e);
        }
    }

    /// <summary>Each extended property type the record has; a type this Windows does not know counts as absent.</summary>
    private static unsafe List<ExtendedProperty> ReadExtended(HttpApiRecords records, SslCertBinding record)
    {
        var properties = new List<ExtendedProperty>();
        for (var type = 0; type < ExParamTypeMax; type++)
        {
            var (status, buffer) = records.QueryExtended(record, type);
            using (buffer)
            {
                if (status is ERROR_FILE_NOT_FOUND or ERROR_INVALID_PARAMETER)
                    continue;
                if (status != NO_ERROR)
                    throw new HttpApiException(status, $"HttpQueryServiceConfiguration({record.Key}, extended property {type})");
                var param = HttpApiRecords.ExtendedParam(record.Kind, buffer);
                properties.Add(param->ParamType switch
                {
                    ExParamTypeHttp2Window => new ExtendedProperty(param->ParamType, param->Flags, param->Value.Http2WindowSizeParam.Http2ReceiveWindowSize, 0),
                    ExParamTypeHttp2SettingsLimits => new ExtendedProperty(
                        param->ParamType, param->Flags, param->Value.Http2SettingsLimitsParam.Http2MaxSettingsPerFrame, param->Value.Http2SettingsLimitsParam.Http2MaxSettingsPerMinute),
                    _ => new ExtendedProperty(param->ParamType, param->Flags, 0, 0),
                });
            }
        }

        return properties;
    }
}
