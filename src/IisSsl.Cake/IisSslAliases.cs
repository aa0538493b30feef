using Cake.Core.Annotations;

namespace IisSsl.Cake;

/// <summary>Cake aliases for IIS HTTPS host-header bindings: verify, ensure and probe.</summary>
[CakeAliasCategory("IisSsl")]
public static partial class IisSslAliases
{
}
