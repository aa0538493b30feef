using System.Globalization;
using IisSsl.Execution;
using static IisSsl.Sources.HttpSys.HttpApi.Interop.HttpApi;

namespace IisSsl.Sources.HttpSys.HttpApi;

/// <summary>
/// Converts between the native record fields and <see cref="Model.SslCertBinding.Settings"/>, which keeps them by
/// their English <c>netsh http show sslcert</c> labels, so a record read through the API and one read from saved
/// netsh text give the same snapshot. Bits netsh prints no line for are kept in two raw settings, so nothing is
/// lost on the way through a snapshot.
/// </summary>
internal static class SslParamSettings
{
    public const string RevocationCheck = "Verify Client Certificate Revocation";
    public const string CachedRevocationOnly = "Verify Revocation Using Cached Client Certificate Only";
    public const string UsageCheck = "Usage Check";
    public const string FreshnessTime = "Revocation Freshness Time";
    public const string UrlRetrievalTimeout = "URL Retrieval Timeout";
    public const string CtlIdentifier = "Ctl Identifier";
    public const string CtlStoreName = "Ctl Store Name";
    public const string OtherCertCheckModeBits = "Cert Check Mode (other bits)";
    public const string OtherFlagBits = "Flags (other bits)";

    private const string ExtendedPrefix = NetshSslCertParser.ExtendedPropertiesPrefix;

    /// <summary>The DefaultFlags bits with a netsh line: enabled/disabled wording for the old ones, Set/Not Set for the rest.</summary>
    private static readonly (string Label, uint Bit, bool SetWording)[] FlagLines =
    [
        ("DS Mapper Usage", SslFlagUseDsMapper, false),
        ("Negotiate Client Certificate", SslFlagNegotiateClientCert, false),
        ("Reject Connections", SslFlagReject, false),
        ("Disable HTTP2", SslFlagDisableHttp2, true),
        ("Disable QUIC", SslFlagDisableQuic, true),
        ("Disable TLS1.2", SslFlagDisableTls12, true),
        ("Disable TLS1.3", SslFlagDisableTls13, true),
        ("Disable OCSP Stapling", SslFlagDisableOcspStapling, true),
        ("Enable Token Binding", SslFlagEnableTokenBinding, true),
        ("Log Extended Events", SslFlagLogExtendedEvents, true),
        ("Disable Legacy TLS Versions", SslFlagDisableLegacyTls, true),
        ("Enable Session Ticket", SslFlagEnableSessionTicket, true),
    ];

    private static readonly uint KnownFlags = FlagLines.Aggregate(0u, (all, line) => all | line.Bit);

    private const uint KnownCertCheckModes = CertCheckModeNoRevocationCheck | CertCheckModeCachedRevocationOnly | CertCheckModeNoUsageCheck;

    public static Dictionary<string, string> ToSettings(SslParam param, IReadOnlyList<ExtendedProperty> extended)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RevocationCheck] = Enabled((param.CertCheckMode & CertCheckModeNoRevocationCheck) == 0),
            [CachedRevocationOnly] = Enabled((param.CertCheckMode & CertCheckModeCachedRevocationOnly) != 0),
            [UsageCheck] = Enabled((param.CertCheckMode & CertCheckModeNoUsageCheck) == 0),
            [FreshnessTime] = param.RevocationFreshnessTime.ToString(CultureInfo.InvariantCulture),
            [UrlRetrievalTimeout] = param.RevocationUrlRetrievalTimeout.ToString(CultureInfo.InvariantCulture),
            [CtlIdentifier] = param.CtlIdentifier ?? "(null)",
            [CtlStoreName] = param.CtlStoreName ?? "(null)",
        };
        foreach (var (label, bit, setWording) in FlagLines)
        {
            var on = (param.Flags & bit) != 0;
            settings[label] = setWording ? (on ? "Set" : "Not Set") : Enabled(on);
        }

        if ((param.CertCheckMode & ~KnownCertCheckModes) != 0)
            settings[OtherCertCheckModeBits] = Hex(param.CertCheckMode & ~KnownCertCheckModes);
        if ((param.Flags & ~KnownFlags) != 0)
            settings[OtherFlagBits] = Hex(param.Flags & ~KnownFlags);

        for (var i = 0; i < extended.Count; i++)
        {
            var property = extended[i];
            var prefix = $"{ExtendedPrefix}[{i}].";
            settings[prefix + "PropertyId"] = property.ParamType.ToString(CultureInfo.InvariantCulture);
            if (property.Flags != 0)
                settings[prefix + "Flags"] = property.Flags.ToString(CultureInfo.InvariantCulture);
            switch (property.ParamType)
            {
                case ExParamTypeHttp2Window:
                    settings[prefix + "Receive Window"] = property.First.ToString(CultureInfo.InvariantCulture);
                    break;
                case ExParamTypeHttp2SettingsLimits:
                    settings[prefix + "Max Settings Per Frame"] = property.First.ToString(CultureInfo.InvariantCulture);
                    settings[prefix + "Max Settings Per Minute"] = property.Second.ToString(CultureInfo.InvariantCulture);
                    break;
            }
        }

        return settings;
    }

    /// <summary>
    /// The native fields a new record gets from <paramref name="settings"/> (absent lines are HTTP.SYS's defaults:
    /// zero). Hash, app id and store come from the record itself.
    /// </summary>
    /// <exception cref="ExecutionFailedException">A value that cannot be carried to the API (e.g. localized text).</exception>
    public static SslParam FromSettings(byte[] hash, Guid appId, string? storeName, IReadOnlyDictionary<string, string> settings, string key)
    {
        uint mode = 0, flags = 0;
        if (Switch(settings, RevocationCheck, key) == false)
            mode |= CertCheckModeNoRevocationCheck;
        if (Switch(settings, CachedRevocationOnly, key) == true)
            mode |= CertCheckModeCachedRevocationOnly;
        if (Switch(settings, UsageCheck, key) == false)
            mode |= CertCheckModeNoUsageCheck;
        mode |= Number(settings, OtherCertCheckModeBits, key);
        foreach (var (label, bit, _) in FlagLines)
        {
            if (Switch(settings, label, key) == true)
                flags |= bit;
        }

        flags |= Number(settings, OtherFlagBits, key);
        return new SslParam(
            hash,
            appId,
            storeName,
            mode,
            Number(settings, FreshnessTime, key),
            Number(settings, UrlRetrievalTimeout, key),
            Text(settings, CtlIdentifier),
            Text(settings, CtlStoreName),
            flags);
    }

    /// <summary>The extended properties listed in <paramref name="settings"/> (types 0 and 1; others cannot be recreated from text).</summary>
    public static IReadOnlyList<ExtendedProperty> ExtendedFromSettings(IReadOnlyDictionary<string, string> settings, string key)
    {
        var properties = new List<ExtendedProperty>();
        for (var i = 0; settings.ContainsKey($"{ExtendedPrefix}[{i}].PropertyId"); i++)
        {
            var prefix = $"{ExtendedPrefix}[{i}].";
            var type = (int)Number(settings, prefix + "PropertyId", key);
            var flags = (ulong)Number(settings, prefix + "Flags", key);
            properties.Add(type switch
            {
                ExParamTypeHttp2Window => new ExtendedProperty(type, flags, Number(settings, prefix + "Receive Window", key), 0),
                ExParamTypeHttp2SettingsLimits => new ExtendedProperty(
                    type, flags, Number(settings, prefix + "Max Settings Per Frame", key), Number(settings, prefix + "Max Settings Per Minute", key)),
                _ => throw new ExecutionFailedException(
                    $"{key}: extended property {type} cannot be recreated from a snapshot (only Receive Window and the HTTP/2 settings limits can); set it by hand"),
            });
        }

        return properties;
    }

    private static string Enabled(bool on) => on ? "Enabled" : "Disabled";

    private static string Hex(uint value) => "0x" + value.ToString("X8", CultureInfo.InvariantCulture);

    private static bool? Switch(IReadOnlyDictionary<string, string> settings, string label, string key)
    {
        if (!TryGet(settings, label, out var value))
            return null;
        return value.Trim().ToUpperInvariant() switch
        {
            "ENABLED" or "SET" or "TRUE" => true,
            "DISABLED" or "NOT SET" or "FALSE" => false,
            _ => throw new ExecutionFailedException($"{key}: setting '{label}' = '{value}' is not Enabled/Disabled or Set/Not Set, so it cannot be carried to HTTP.SYS"),
        };
    }

    private static uint Number(IReadOnlyDictionary<string, string> settings, string label, string key)
    {
        if (!TryGet(settings, label, out var value))
            return 0;
        var text = value.Trim();
        var ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? uint.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var number)
            : uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
        return ok ? number : throw new ExecutionFailedException($"{key}: setting '{label}' = '{value}' is not a number, so it cannot be carried to HTTP.SYS");
    }

    private static string? Text(IReadOnlyDictionary<string, string> settings, string label) =>
        TryGet(settings, label, out var value) && !string.IsNullOrEmpty(value) && !value.Equals("(null)", StringComparison.OrdinalIgnoreCase) ? value : null;

    private static bool TryGet(IReadOnlyDictionary<string, string> settings, string label, out string value)
    {
        if (settings.TryGetValue(label, out value!))
            return true;
        foreach (var (name, text) in settings)
        {
            if (name.Equals(label, StringComparison.OrdinalIgnoreCase))
            {
                value = text;
                return true;
            }
        }

        return false;
    }
}
