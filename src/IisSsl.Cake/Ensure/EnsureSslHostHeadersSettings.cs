using Cake.Core.IO;
using IisSsl.Execution;

namespace IisSsl.Cake;

/// <summary>Settings for <see cref="IisSslAliases.EnsureSslHostHeaders(global::Cake.Core.ICakeContext, EnsureSslHostHeadersSettings)"/>.</summary>
public sealed class EnsureSslHostHeadersSettings : ServerSettings
{
    /// <summary>The desired state (JSON manifest, <c>--manifest</c>). Required.</summary>
    public FilePath? Manifest { get; set; }

    /// <summary>Where timestamped backups go (<c>--backup-dir</c>); unset = beside each file.</summary>
    public DirectoryPath? BackupDir { get; set; }

    /// <summary>Only plan (<c>--dry-run</c>): print the changes and the equivalent appcmd/netsh lines, change nothing.</summary>
    public bool DryRun { get; set; }

    /// <summary>Also remove https bindings of manifest sites that the manifest no longer lists (<c>--remove-stale</c>).</summary>
    public bool RemoveStale { get; set; }

    /// <summary>
    /// Which shell the logged plan's command lines are written for (<c>--shell</c>): <see cref="CommandShell.Cmd"/>
    /// (default, as IIS documents them) or <see cref="CommandShell.PowerShell"/> (every argument a literal). The JSON
    /// report carries both.
    /// </summary>
    public CommandShell Shell { get; set; }
}
