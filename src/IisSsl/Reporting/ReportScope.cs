using System.Globalization;

namespace IisSsl.Reporting;

/// <summary>
/// What a report read and what it checked, so a pass can be told apart from a check of nothing. Verify reads sites,
/// https bindings, HTTP.SYS records and certificates and checks https bindings; a probe reads targets and
/// handshakes and checks host names.
/// </summary>
/// <param name="Read">What was read, in the order a reader wants it.</param>
/// <param name="Checked">What was checked (one count or more).</param>
/// <param name="Note">Said with the summary when it matters, e.g. that no site has an https binding.</param>
public sealed record ReportScope(IReadOnlyList<ScopeCount> Read, IReadOnlyList<ScopeCount> Checked, string? Note = null)
{
    public const string NoHttpsBindingNote = "No site has an https binding: there was nothing to check.";

    /// <summary>Verify's scope; says so when there was no https binding to check.</summary>
    public static ReportScope Verify(int sites, int httpsBindings, int httpSysRecords, int certificates, int httpsBindingsChecked) => new(
        [
            new("sites", sites, "site", "sites"),
            new("httpsBindings", httpsBindings, "https binding", "https bindings"),
            new("httpSysRecords", httpSysRecords, "HTTP.SYS record", "HTTP.SYS records"),
            new("certificates", certificates, "certificate", "certificates"),
        ],
        [new("httpsBindings", httpsBindingsChecked, "https binding", "https bindings")],
        httpsBindings == 0 ? NoHttpsBindingNote : null);

    /// <summary><c>Read 3 sites, 4 https bindings, 2 HTTP.SYS records, 2 certificates; checked 4 https bindings.</c></summary>
    public string Sentence() =>
        $"Read {string.Join(", ", Read.Select(c => c.Phrase()))}; checked {string.Join(", ", Checked.Select(c => c.Phrase()))}."
        + (Note is null ? string.Empty : " " + Note);
}

/// <summary>One count of a <see cref="ReportScope"/>: <paramref name="Name"/> is its JSON name.</summary>
public sealed record ScopeCount(string Name, int Count, string Singular, string Plural)
{
    public string Phrase() => $"{Count.ToString("N0", CultureInfo.InvariantCulture)} {(Count == 1 ? Singular : Plural)}";
}
