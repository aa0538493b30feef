using IisSsl.Planning;

namespace IisSsl;

public static partial class IisSslEngine
{
    /// <summary>EnsureSslHostHeaders, read-only: what apply would change, with the predicted verification.</summary>
    /// <exception cref="InvalidInputException">The manifest or a server file cannot be read or used.</exception>
    public static EnsureResult Plan(EnsureOptions options) => EnsureWorkflow.Run(options, apply: false, EnsureServices.Default);

    /// <summary>
    /// EnsureSslHostHeaders: make the server match the manifest, or refuse and change nothing. With
    /// <see cref="EnsureOptions.DryRun"/> it only plans.
    /// </summary>
    /// <exception cref="InvalidInputException">The manifest or a server file cannot be read or used.</exception>
    public static EnsureResult Apply(EnsureOptions options) => EnsureWorkflow.Run(options, apply: true, EnsureServices.Default);
}
