using IisSsl.Model;

namespace IisSsl;

/// <summary>What <see cref="IisSslEngine.Snapshot"/> read and wrote.</summary>
public sealed record SnapshotResult(
    HttpSysState State,
    string Json,
    string? OutputPath,
    string? ConfigCopyPath,
    IReadOnlyList<string> ExportedCertificates,
    IReadOnlyList<string> MissingCertificates,
    string? SitesCopyPath = null)
{
    /// <summary>One line saying what was read and written.</summary>
    public string Summary
    {
        get
        {
            var counts = string.Join(", ", Enum.GetValues<SslCertBindingKind>().Select(k =>
                $"{State.Bindings.Count(b => b.Kind == k)} {Sources.HttpSys.HttpApi.HttpApiRecords.Family(k)}"));
            var text = $"{State.Bindings.Count} HTTP.SYS record(s) ({counts}) read from {State.Source}";
            text += OutputPath is null ? "." : $", written to {OutputPath}.";
            if (ConfigCopyPath is not null)
                text += SitesCopyPath is null ? $" applicationHost.config copied to {ConfigCopyPath}." : $" applicationHost.config copied to {ConfigCopyPath}, with the sites file its configSource names to {SitesCopyPath}.";
            if (ExportedCertificates.Count > 0 || MissingCertificates.Count > 0)
                text += $" {ExportedCertificates.Count} certificate(s) exported.";
            if (MissingCertificates.Count > 0)
                text += $" Not found, so not exported (verify will report CertificateNotFound): {string.Join(", ", MissingCertificates)}.";
            return text;
        }
    }
}
