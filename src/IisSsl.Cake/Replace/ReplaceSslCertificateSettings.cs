using Cake.Core.IO;
using IisSsl.Execution;

namespace IisSsl.Cake;

/// <summary>Settings for <see cref="IisSslAliases.ReplaceSslCertificate(global::Cake.Core.ICakeContext, ReplaceSslCertificateSettings)"/>.</summary>
public sealed class ReplaceSslCertificateSettings : ServerSettings
{
    /// <summary>Thumbprint of the certificate to retire. Required.</summary>
    public string? Old { get; set; }

    /// <summary>Thumbprint of the replacement, found in <see cref="ServerSettings.Certs"/> (or, on Windows without folders, the store). Set this or <see cref="NewPfx"/>.</summary>
    public string? New { get; set; }

    /// <summary>The replacement as a PFX file (password from <see cref="ServerSettings.PfxPasswordEnv"/>; imported on live Windows). Set this or <see cref="New"/>.</summary>
    public FilePath? NewPfx { get; set; }

    /// <summary>Where timestamped backups go; unset = beside each file.</summary>
    public DirectoryPath? BackupDir { get; set; }

    /// <summary>Only plan: print the changes and the equivalent netsh lines, change nothing.</summary>
    public bool DryRun { get; set; }

    /// <summary>
    /// Which shell the logged plan's command lines are written for (<c>--shell</c>): <see cref="CommandShell.Cmd"/>
    /// (default, as IIS documents them) or <see cref="CommandShell.PowerShell"/> (every argument a literal). The JSON
    /// report carries both.
    /// </summary>
    public CommandShell Shell { get; set; }
}
