using Cake.Core.IO;

namespace IisSsl.Cake;

/// <summary>Settings for <see cref="IisSslAliases.SnapshotIisSslState(global::Cake.Core.ICakeContext, SnapshotIisSslStateSettings)"/>.</summary>
public sealed class SnapshotIisSslStateSettings
{
    /// <summary>Saved <c>netsh http show sslcert</c> text or a .json snapshot to convert (<c>--sslcert</c>); unset = live HTTP.SYS (Windows only).</summary>
    public FilePath? SslCert { get; set; }

    /// <summary>The JSON snapshot to write (<c>--output</c>; required: the alias does not print it).</summary>
    public FilePath? Output { get; set; }

    /// <summary>applicationHost.config to copy beside <see cref="Output"/> (<c>--iis-config</c>).</summary>
    public FilePath? IisConfig { get; set; }

    /// <summary>Folders to find the referenced certificates in (<c>--certs</c>); empty = the LocalMachine store (Windows only).</summary>
    public IList<DirectoryPath> Certs { get; } = [];

    /// <summary>Export the referenced public certificates (THUMBPRINT.cer) into this folder (<c>--certs-out</c>).</summary>
    public DirectoryPath? CertsOut { get; set; }

    /// <summary>The environment variable holding the PFX password (<c>--pfx-password-env</c>).</summary>
    public string PfxPasswordEnv { get; set; } = VerifyOptions.DefaultPfxPasswordVariable;
}
