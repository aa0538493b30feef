using Cake.Core.IO;

namespace IisSsl.Cake;

/// <summary>Settings for <see cref="IisSslAliases.ReplaceSslCertificate(global::Cake.Core.ICakeContext, ReplaceSslCertificateSettings)"/>.</summary>
public sealed class ReplaceSslCertificateSettings : ChangeSettings
{
    /// <summary>Thumbprint of the certificate to retire. Required.</summary>
    public string? Old { get; set; }

    /// <summary>Thumbprint of the replacement, found in <see cref="ServerSettings.Certs"/> (or, on Windows without folders, the store). Set this or <see cref="NewPfx"/>.</summary>
    public string? New { get; set; }

    /// <summary>The replacement as a PFX file (password from <see cref="ServerSettings.PfxPasswordEnv"/>; imported on live Windows). Set this or <see cref="New"/>.</summary>
    public FilePath? NewPfx { get; set; }
}
