using Cake.Core.IO;

namespace IisSsl.Cake;

/// <summary>Settings for <see cref="IisSslAliases.SnapshotIisSslState(global::Cake.Core.ICakeContext, SnapshotIisSslStateSettings)"/>.</summary>
public sealed class SnapshotIisSslStateSettings
{
    /// <summary>Saved <c>netsh http show sslcert</c> text or a .json snapshot to convert; unset = live HTTP.SYS (Windows only).</summary>
    public FilePath? SslCert { get; set; }

    /// <summary>The JSON snapshot to write (required: the alias does not print it).</summary>
    public FilePath? Output { get; set; }

    /// <summary>applicationHost.config to copy beside <see cref="Output"/>.</summary>
    public FilePath? IisConfig { get; set; }

    /// <summary>Folders to find the referenced certificates in; empty = the LocalMachine store (Windows only).</summary>
    public IList<DirectoryPath> Certs { get; } = [];

    /// <summary>Export the referenced public certificates (THUMBPRINT.cer) into this folder.</summary>
    public DirectoryPath? CertsOut { get; set; }

    /// <summary>The environment variable holding the PFX password.</summary>
    public string PfxPasswordEnv { get; set; } = VerifyOptions.DefaultPfxPasswordVariable;
}
