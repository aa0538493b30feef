using System.Collections.Frozen;

namespace IisSsl.Sources.HttpSys;

/// <summary>
/// The labels English <c>netsh http show sslcert</c> prints, Windows Server 2012 R2 to 2025 (recorded outputs in
/// tests/IisSsl.Tests/Fixtures/Netsh; newer builds add lines at the end of a record, older ones stop after
/// <c>Negotiate Client Certificate</c>). A label outside this list is refused, never read into the record above it:
/// a mistyped record label would otherwise lose a record, and a translated one its certificate hash.
/// </summary>
internal static class NetshLabels
{
    public const string EnglishHeading = "SSL Certificate bindings:";

    /// <summary>What netsh prints for a query (<c>show sslcert ipport=…</c>) that finds no record: an empty state.</summary>
    public const string NoRecord = "The system cannot find the file specified.";

    public const string Hash = "Certificate Hash";
    public const string AppId = "Application ID";
    public const string Store = "Certificate Store Name";

    /// <summary>The lines of a record after its key line (outside its <c>Extended Properties:</c> blocks).</summary>
    private static readonly FrozenSet<string> RecordFields = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        Hash, AppId, Store,
        "Verify Client Certificate Revocation", "Verify Revocation Using Cached Client Certificate Only", "Usage Check",
        "Revocation Freshness Time", "URL Retrieval Timeout", "Ctl Identifier", "Ctl Store Name", "DS Mapper Usage",
        "Negotiate Client Certificate",

        // Windows Server 2016 and later.
        "Reject Connections", "Disable HTTP2", "Disable QUIC", "Disable TLS1.2", "Disable TLS1.3", "Disable OCSP Stapling",
        "Enable Token Binding", "Log Extended Events", "Disable Legacy TLS Versions", "Enable Session Ticket",
        "Disable Session ID", "Enable Caching Client Hello",
    ]);

    /// <summary>
    /// Labels of German netsh output, as quoted from real German servers (reference §11: a deployment extension's
    /// open bug; a public capture of <c>SSL-Zertifikatbindungen:</c> / <c>Zertifikathash</c>). Only used to say why
    /// the output is refused; the German <c>IP:Port</c> is the English key label in another case.
    /// </summary>
    private static readonly FrozenSet<string> KnownTranslations = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        ["SSL-Zertifikatbindungen", "Zertifikathash", "Anwendungs-ID", "Zertifikatspeichername"]);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RecordFieldLookup = RecordFields.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TranslationLookup = KnownTranslations.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsRecordField(ReadOnlySpan<char> label) => RecordFieldLookup.Contains(label);

    /// <summary>Whether <paramref name="label"/> is a known translation or is not ASCII, as no English label is.</summary>
    public static bool LooksTranslated(ReadOnlySpan<char> label) =>
        TranslationLookup.Contains(label) || label.ContainsAnyExceptInRange((char)0x20, (char)0x7E);

    /// <summary>The refusal of a localized output: why, and what to use instead.</summary>
    public static string NotEnglish(ReadOnlySpan<char> label) =>
        $"'{label}' is not an English netsh label: this output comes from a non-English Windows (netsh translates its labels, "
        + "e.g. 'Zertifikathash' for 'Certificate Hash'), and it is refused rather than read without knowing which line holds the certificate hash. "
        + "On the server, save the state with 'iis-ssl snapshot --output sslcert.json', which reads HTTP.SYS itself whatever the language, and pass that file to --sslcert";

    /// <summary>The refusal of a label English netsh never prints in a record.</summary>
    public static string Unknown(ReadOnlySpan<char> label) =>
        $"'{label}' is not a label 'netsh http show sslcert' prints in a record (Windows Server 2012 R2 to 2025); a mistyped or unknown line "
        + "is refused rather than read into the record above it. If the output was edited, save it again; if a newer Windows prints this line, "
        + "save the state with 'iis-ssl snapshot' on the server instead";
}
