using Cake.Core.IO;

namespace IisSsl.Cake;

/// <summary>Settings for <see cref="IisSslAliases.EnsureSslHostHeaders(global::Cake.Core.ICakeContext, EnsureSslHostHeadersSettings)"/>.</summary>
public sealed class EnsureSslHostHeadersSettings : ReportSettings
{
    /// <summary>The desired state (JSON manifest). Required.</summary>
    public FilePath? Manifest { get; set; }

    /// <summary>applicationHost.config; unset = the machine's (Windows only).</summary>
    public FilePath? IisConfig { get; set; }

    /// <summary>HTTP.SYS JSON snapshot read and written back (a missing file is an empty HTTP.SYS); unset = live (Windows only).</summary>
    public FilePath? SslCert { get; set; }

    /// <summary>Folders of certificate files, matched by thumbprint.</summary>
    public IList<DirectoryPath> Certs { get; } = [];

    /// <summary>A Central Certificate Store folder.</summary>
    public DirectoryPath? Ccs { get; set; }

    /// <summary>Where timestamped backups go; unset = beside each file.</summary>
    public DirectoryPath? BackupDirectory { get; set; }

    /// <summary>Only plan: print the changes and the equivalent appcmd/netsh lines, change nothing.</summary>
    public bool DryRun { get; set; }

    /// <summary>Also remove https bindings of manifest sites that the manifest no longer lists.</summary>
    public bool RemoveStaleBindings { get; set; }

    /// <summary>The environment variable holding the PFX password (for certificates without their own <c>passwordEnv</c>).</summary>
    public string PfxPasswordVariable { get; set; } = VerifyOptions.DefaultPfxPasswordVariable;
}
