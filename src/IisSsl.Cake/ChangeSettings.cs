using Cake.Core.IO;
using IisSsl.Execution;

namespace IisSsl.Cake;

/// <summary>
/// The settings of an alias that changes the server (EnsureSslHostHeaders, ReplaceSslCertificate): where backups go,
/// whether it only plans, and the shell its plan lines are written for; the same names as <c>--backup-dir</c>,
/// <c>--dry-run</c> and <c>--shell</c> of the CLI, build.sh and Nuke.
/// </summary>
public abstract class ChangeSettings : ServerSettings
{
    /// <summary>Where timestamped backups go (<c>--backup-dir</c>); unset = beside each file.</summary>
    public DirectoryPath? BackupDir { get; set; }

    /// <summary>Only plan (<c>--dry-run</c>): print the changes and the equivalent appcmd/netsh lines, change nothing.</summary>
    public bool DryRun { get; set; }

    /// <summary>
    /// Which shell the logged plan's command lines are written for (<c>--shell</c>): <see cref="CommandShell.Cmd"/>
    /// (default, as IIS documents them) or <see cref="CommandShell.PowerShell"/> (every argument a literal). The JSON
    /// report carries both.
    /// </summary>
    public CommandShell Shell { get; set; }
}
