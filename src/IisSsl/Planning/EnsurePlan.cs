using IisSsl.Execution;
using IisSsl.Model;

namespace IisSsl.Planning;

/// <summary>
/// What apply would do, in the order it does it: import certificates, add/update HTTP.SYS records, edit
/// applicationHost.config, delete HTTP.SYS records no binding needs any more. <see cref="Predicted"/> is the server
/// once all of it is done; <see cref="Conflicts"/> are reasons found while planning to refuse the whole plan.
/// </summary>
public sealed record EnsurePlan(
    IReadOnlyList<CertificateImport> CertificateImports,
    IReadOnlyList<HttpSysEdit> HttpSysEdits,
    IReadOnlyList<ConfigEdit> ConfigEdits,
    ServerState Predicted,
    IReadOnlyList<string> Conflicts,
    IReadOnlyList<string> Decisions)
{
    public bool IsEmpty => CertificateImports.Count == 0 && HttpSysEdits.Count == 0 && ConfigEdits.Count == 0;

    /// <summary>Record additions and updates: made before the configuration refers to them.</summary>
    public IEnumerable<HttpSysEdit> HttpSysEditsBeforeConfig => HttpSysEdits.Where(e => e is not HttpSysEdit.Delete);

    /// <summary>Record deletions: made after the bindings that used them are gone.</summary>
    public IEnumerable<HttpSysEdit> HttpSysEditsAfterConfig => HttpSysEdits.Where(e => e is HttpSysEdit.Delete);

    public int StepCount => CertificateImports.Count + HttpSysEdits.Count + ConfigEdits.Count;
}
