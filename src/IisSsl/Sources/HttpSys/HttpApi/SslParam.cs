namespace IisSsl.Sources.HttpSys.HttpApi;

/// <summary>A managed copy of every field of HTTP_SERVICE_CONFIG_SSL_PARAM, as HTTP.SYS holds it for one record.</summary>
internal sealed record SslParam(
    byte[] Hash,
    Guid AppId,
    string? StoreName,
    uint CertCheckMode,
    uint RevocationFreshnessTime,
    uint RevocationUrlRetrievalTimeout,
    string? CtlIdentifier,
    string? CtlStoreName,
    uint Flags);
