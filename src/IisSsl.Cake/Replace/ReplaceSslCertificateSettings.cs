using Cake.Core.IO;

namespace IisSsl.Cake;

/// <summary>Settings for <see cref="IisSslAliases.ReplaceSslCertificate(global::Cake.Core.ICakeContext, ReplaceSslCertificateSettings)"/>.</summary>
public sealed class ReplaceSslCertificateSettings : ReportSettings
{
    /// <summary>Thumbprint of the certificate to retire. Required.</summary>
    public string? Old { get; set; }

    /// <summary>Thumbprint of the replacement, found in <see cref="Certs"/> (or, on Windows without folders, the store). Set this or <see cref="NewPfx"/>.</summary>
    public string? New { get; set; }

    /// <summary>The replacement as a PFX file (password from <see cref="PfxPasswordVariable"/>; imported on live Windows). Set this or <see cref="New"/>.</summary>
    public FilePath? NewPfx { get; set; }

    /// <summary>applicationHost.config; unset = the machine's (Windows only).</summary>
    public FilePath? IisConfig { get; set; }

    /// <summary>HTTP.SYS JSON snapshot read and written back; unset = live (Windows only).</summary>
    public FilePath? SslCert { get; set; }

    /// <summary>Folders of certificate files, matched by thumbprint.</summary>
    public IList<DirectoryPath> Certs { get; } = [];

    /// <summary>A Central Certificate Store folder (to see which hosts it serves the old certificate to).</summary>
    public DirectoryPath? Ccs { get; set; }

    /// <summary>Where timestamped backups go; unset = beside each file.</summary>
    public DirectoryPath? BackupDirectory { get; set; }

    /// <summary>Only plan: print the changes and the equivalent netsh lines, change nothing.</summary>
    public bool DryRun { get; set; }

    /// <summary>The environment variable holding the PFX password (never the password itself).</summary>
    public string PfxPasswordVariable { get; set; } = VerifyOptions.DefaultPfxPasswordVariable;
}
