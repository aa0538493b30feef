using Cake.Core.IO;

namespace IisSsl.Cake;

/// <summary>Settings for <see cref="IisSslAliases.VerifyCertCoverage(global::Cake.Core.ICakeContext, VerifyCertCoverageSettings)"/>.</summary>
public sealed class VerifyCertCoverageSettings : ReportSettings
{
    /// <summary>applicationHost.config; unset = the machine's (Windows only).</summary>
    public FilePath? IisConfig { get; set; }

    /// <summary>Saved <c>netsh http show sslcert</c> text or a .json snapshot; unset = live HTTP.SYS (Windows only).</summary>
    public FilePath? SslCert { get; set; }

    /// <summary>Folders of certificate files, matched by thumbprint; empty = the LocalMachine store (Windows only).</summary>
    public IList<DirectoryPath> Certs { get; } = [];

    /// <summary>A Central Certificate Store folder.</summary>
    public DirectoryPath? Ccs { get; set; }

    /// <summary>The environment variable holding the PFX password.</summary>
    public string PfxPasswordVariable { get; set; } = VerifyOptions.DefaultPfxPasswordVariable;
}
