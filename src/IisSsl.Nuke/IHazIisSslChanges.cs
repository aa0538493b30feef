using IisSsl.Execution;
using Nuke.Common;
using Nuke.Common.IO;

namespace IisSsl.Nuke;

/// <summary>
/// The parameters of the targets that change the server (EnsureSslHostHeaders, ReplaceSslCertificate):
/// <c>--dry-run</c>, <c>--backup-dir</c> and <c>--shell</c>, as in the CLI, build.sh and the Cake settings. They live here once because
/// Nuke reads a parameter by its name alone: two members named DryRun in two components would make its
/// parameters.json lookup ambiguous (ArgumentsFromParametersFileAttribute takes the single member of that name).
/// </summary>
public interface IHazIisSslChanges : IHazIisSslServer
{
    [Parameter("Plan only: show what would change (with the appcmd and netsh lines) and the predicted verification, change nothing")]
    bool DryRun => TryGetValue<bool?>(() => DryRun) ?? false;

    [Parameter("Where timestamped backups go (default: beside each file)")]
    AbsolutePath? BackupDir => TryGetValue(() => BackupDir);

    [Parameter("Which shell the logged plan's command lines are written for: Cmd (default, as IIS documents them) or PowerShell (every argument a literal)")]
    CommandShell Shell => TryGetValue<CommandShell?>(() => Shell) ?? CommandShell.Cmd;
}
