using IisSsl.Execution;
using IisSsl.Model;

namespace IisSsl.Planning;

/// <summary>
/// A manifest certificate made concrete: the thumbprint and store its HTTP.SYS records will name, the facts the
/// predicted verification needs (<see cref="Info"/> is null when no source holds it), and for a PFX file the import.
/// A <see cref="CentralCertificateStore"/> certificate has no thumbprint: the store's files are looked up per host.
/// </summary>
public sealed record ResolvedCertificate(string Name, string Thumbprint, string StoreName, CertificateInfo? Info, CertificateImport? Import = null)
{
    public bool CentralCertificateStore { get; init; }

    public static ResolvedCertificate CentralStore(string name) => new(name, string.Empty, "MY", null) { CentralCertificateStore = true };
}
