namespace IisSsl.Cake;

/// <summary>Settings for <see cref="IisSslAliases.VerifyCertCoverage(global::Cake.Core.ICakeContext, VerifyCertCoverageSettings)"/>.</summary>
public sealed class VerifyCertCoverageSettings : ServerSettings
{
}
