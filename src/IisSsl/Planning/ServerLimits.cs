namespace IisSsl.Planning;

/// <summary>
/// What the target IIS supports (manifest <c>"server": { "iisVersion": 7|8|10 }</c>): IIS 7.x has no SNI and no
/// Central Certificate Store (both came with IIS 8); wildcard host headers came with IIS 10 (reference §1.5, §2.2).
/// </summary>
public sealed record ServerLimits(int IisVersion)
{
    public static ServerLimits Iis10 { get; } = new(10);

    public bool SupportsSni => IisVersion >= 8;

    public bool SupportsCentralCertificateStore => IisVersion >= 8;

    public bool SupportsWildcardHostHeaders => IisVersion >= 10;
}
