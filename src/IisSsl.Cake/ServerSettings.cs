using Cake.Core.IO;

namespace IisSsl.Cake;

/// <summary>
/// The server an alias reads (and EnsureSslHostHeaders changes): the same names as the options <c>--iis-config</c>,
/// <c>--sslcert</c>, <c>--certs</c>, <c>--ccs</c> and <c>--pfx-password-env</c> of the CLI, build.sh and Nuke.
/// Unset paths mean the live machine (Windows only). Relative paths start at Cake's working directory.
/// </summary>
public abstract class ServerSettings : ReportSettings
{
    /// <summary>applicationHost.config (<c>--iis-config</c>); unset = the machine's (Windows only).</summary>
    public FilePath? IisConfig { get; set; }

    /// <summary>
    /// HTTP.SYS certificate bindings (<c>--sslcert</c>): saved <c>netsh http show sslcert</c> text or a .json snapshot
    /// (EnsureSslHostHeaders reads and writes back a .json snapshot; a missing file is an empty HTTP.SYS); unset = live
    /// HTTP.SYS (Windows only).
    /// </summary>
    public FilePath? SslCert { get; set; }

    /// <summary>Folders of certificate files, matched by thumbprint (<c>--certs</c>); empty = the LocalMachine store (Windows only).</summary>
    public IList<DirectoryPath> Certs { get; } = [];

    /// <summary>A Central Certificate Store folder (<c>--ccs</c>).</summary>
    public DirectoryPath? Ccs { get; set; }

    /// <summary>The environment variable holding the PFX password (<c>--pfx-password-env</c>; never the password itself).</summary>
    public string PfxPasswordEnv { get; set; } = VerifyOptions.DefaultPfxPasswordVariable;
}
