namespace IisSsl.Sources.HttpSys;

/// <summary>The property names of the JSON snapshot (docs/snapshot-format.md). Never rename: snapshots are kept in repositories.</summary>
internal static class SnapshotProperties
{
    public const string Version = "version";
    public const string SslCertBindings = "sslCertBindings";
    public const string IpPort = "ipport";
    public const string HostnamePort = "hostnameport";
    public const string Ccs = "ccs";
    public const string CertificateHash = "certificateHash";
    public const string CertificateStoreName = "certificateStoreName";
    public const string AppId = "appId";
    public const string Settings = "settings";
}
