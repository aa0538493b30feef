using Cake.Core.IO;

namespace IisSsl.Cake;

/// <summary>Settings for <see cref="IisSslAliases.EnsureSslHostHeaders(global::Cake.Core.ICakeContext, EnsureSslHostHeadersSettings)"/>.</summary>
public sealed class EnsureSslHostHeadersSettings : ChangeSettings
{
    /// <summary>The desired state (JSON manifest, <c>--manifest</c>). Required.</summary>
    public FilePath? Manifest { get; set; }

    /// <summary>Also remove https bindings of manifest sites that the manifest no longer lists (<c>--remove-stale</c>).</summary>
    public bool RemoveStale { get; set; }
}
