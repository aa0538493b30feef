using IisSsl.Execution;
using IisSsl.Model;

namespace IisSsl.Planning;

/// <summary>
/// A manifest certificate made concrete: the thumbprint and store its HTTP.SYS records will name, the facts the
/// predicted verification needs (<see cref="Info"/> is null when no source holds it), and for a PFX file the import.
/// </summary>
public sealed record ResolvedCertificate(string Name, string Thumbprint, string StoreName, CertificateInfo? Info, CertificateImport? Import = null);
