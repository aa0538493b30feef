using Cake.Core.Annotations;

namespace IisSsl.Cake;

/// <summary>
/// Cake aliases for IIS HTTPS host-header bindings: <c>VerifyCertCoverage</c>, <c>EnsureSslHostHeaders</c> and
/// <c>ProbeTlsEndpoints</c>. Each runs one engine call, logs the readable report, optionally writes a report file,
/// and fails the task with a <see cref="global::Cake.Core.CakeException"/> (exit code 1 for findings, 2 for bad input).
/// </summary>
[CakeAliasCategory("IisSsl")]
[CakeNamespaceImport("IisSsl.Cake")]
[CakeNamespaceImport("IisSsl.Reporting")]
public static partial class IisSslAliases
{
}
