using IisSsl.Planning;

namespace IisSsl;

public static partial class IisSslEngine
{
    /// <summary>
    /// ReplaceSslCertificate: move every HTTP.SYS record that serves OLD to NEW and change nothing else, or refuse and
    /// change nothing (NEW misses a host OLD serves, OLD comes from the Central Certificate Store). With
    /// <see cref="ReplaceOptions.DryRun"/> it only plans. A second run finds nothing to change.
    /// </summary>
    /// <exception cref="InvalidInputException">A thumbprint is malformed, OLD equals NEW, NEW cannot be found or opened, or a server file cannot be read.</exception>
    public static EnsureResult Replace(ReplaceOptions options) => ReplaceWorkflow.Run(options, EnsureServices.Default);
}
