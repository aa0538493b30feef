using IisSsl.Model;
using IisSsl.Sources.HttpSys;
using IisSsl.Sources.HttpSys.HttpApi;
using static IisSsl.Sources.HttpSys.HttpApi.Interop.HttpApi;

namespace IisSsl.Execution;

/// <summary>
/// Applies <see cref="HttpSysEdit"/>s through the HTTP Server API. An update changes only the certificate hash, the
/// store and the app id: every other field of the record it replaces (client-certificate checks, CTL identifier and
/// store, revocation times, every flag) is read from HTTP.SYS first and written back unchanged, through the atomic
/// HttpUpdateServiceConfiguration. The record's extended properties are read before the update and set again if the
/// update dropped them (whether HTTP.SYS keeps them is not documented). An add that finds the record already there
/// (ERROR_ALREADY_EXISTS) becomes such an update; deleting a record that is already gone is done, as with netsh.
/// </summary>
internal sealed class HttpApiHttpSysExecutor(IHttpApi api) : IHttpSysExecutor
{
    public void Apply(HttpSysEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        try
        {
            using var session = HttpApiSession.Open(api);
            var records = new HttpApiRecords(api);
            switch (edit)
            {
                case HttpSysEdit.Add add:
                    Add(records, add.Record);
                    break;
                case HttpSysEdit.Update update:
                    Update(records, update.Record);
                    break;
                default:
                    var status = records.Delete(edit.Record);
                    if (status is not (NO_ERROR or ERROR_FILE_NOT_FOUND))
                        throw Failed(edit, "HttpDeleteServiceConfiguration", status);
                    break;
            }
        }
        catch (HttpApiException e)
        {
            throw Failed(edit, e.Function, e.Error);
        }
        catch (HttpApiUnavailableException e)
        {
            throw new ExecutionFailedException($"{Describe(edit)} failed: {e.Message}; set {LiveHttpSysAccess.Variable}=netsh to change HTTP.SYS through netsh instead", e);
        }
    }

    /// <summary>What the edit does, as a reviewer reads it in a plan.</summary>
    public static string Describe(HttpSysEdit edit) => edit switch
    {
        HttpSysEdit.Add => $"add {edit.Record.Key} (certificate {edit.Record.Thumbprint ?? "none"}, store {edit.Record.StoreName}, app id {edit.Record.AppId:B})",
        HttpSysEdit.Update => $"update {edit.Record.Key} to certificate {edit.Record.Thumbprint ?? "none"} (store {edit.Record.StoreName}, app id {edit.Record.AppId:B}), keeping its other settings",
        _ => $"delete {edit.Record.Key}",
    };

    private static void Add(HttpApiRecords records, SslCertBinding record)
    {
        var param = SslParamSettings.FromSettings(Hash(record), record.AppId, record.StoreName, record.Settings, record.Key);
        var extended = SslParamSettings.ExtendedFromSettings(record.Settings, record.Key);
        var status = records.Set(record, param);
        if (status == ERROR_ALREADY_EXISTS)
        {
            Update(records, record);
            return;
        }

        if (status != NO_ERROR)
            throw new HttpApiException(status, "HttpSetServiceConfiguration");
        foreach (var property in extended)
        {
            status = records.SetExtended(record, property, update: false);
            if (status == ERROR_ALREADY_EXISTS)
                status = records.SetExtended(record, property, update: true);
            if (status != NO_ERROR)
                throw new HttpApiException(status, $"HttpSetServiceConfiguration(extended property {property.ParamType})");
        }
    }

    private static void Update(HttpApiRecords records, SslCertBinding record)
    {
        if (records.Find(record) is not { } existing)
        {
            Add(records, record);
            return;
        }

        var kept = SaveExtended(records, record);
        try
        {
            var param = existing.Param with { Hash = Hash(record), AppId = record.AppId, StoreName = record.StoreName };
            var status = records.Update(record, param);
            if (status != NO_ERROR)
                throw new HttpApiException(status, "HttpUpdateServiceConfiguration");
            RestoreExtended(records, record, kept);
        }
        finally
        {
            foreach (var (_, buffer) in kept)
                buffer.Dispose();
        }
    }

    private static List<(int Type, NativeBuffer Buffer)> SaveExtended(HttpApiRecords records, SslCertBinding record)
    {
        var kept = new List<(int, NativeBuffer)>();
        for (var type = 0; type < ExParamTypeMax; type++)
        {
            var (status, buffer) = records.QueryExtended(record, type);
            if (status == NO_ERROR)
            {
                kept.Add((type, buffer));
                continue;
            }

            buffer.Dispose();
            if (status is not (ERROR_FILE_NOT_FOUND or ERROR_INVALID_PARAMETER))
            {
                foreach (var (_, saved) in kept)
                    saved.Dispose();
                throw new HttpApiException(status, $"HttpQueryServiceConfiguration(extended property {type})");
            }
        }

        return kept;
    }

    private static void RestoreExtended(HttpApiRecords records, SslCertBinding record, List<(int Type, NativeBuffer Buffer)> kept)
    {
        foreach (var (type, saved) in kept)
        {
            var (status, buffer) = records.QueryExtended(record, type);
            buffer.Dispose();
            if (status == NO_ERROR)
                continue;
            if (status != ERROR_FILE_NOT_FOUND)
                throw new HttpApiException(status, $"HttpQueryServiceConfiguration(extended property {type})");
            status = records.SetExtended(record.Kind, saved);
            if (status != NO_ERROR)
                throw new HttpApiException(status, $"HttpSetServiceConfiguration(extended property {type}, restoring it after the update)");
        }
    }

    private static byte[] Hash(SslCertBinding record) =>
        string.IsNullOrEmpty(record.Thumbprint) ? [] : Convert.FromHexString(record.Thumbprint);

    private static ExecutionFailedException Failed(HttpSysEdit edit, string function, uint error) =>
        new($"{Describe(edit)} through the HTTP Server API failed in {function}: {HttpApiCall.Describe(error, edit.Record.Thumbprint, edit.Record.StoreName)}.");
}
