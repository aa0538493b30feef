namespace IisSsl.Probing;

/// <summary>
/// The optional per-host HTTP check: the status and/or body text the right site answers with.
/// <c>{host}</c> in <see cref="BodyContains"/> stands for the probed host name, so one marker can name each site.
/// </summary>
internal sealed record HttpExpectation(string Path, int? Status, string? BodyContains)
{
    public static HttpExpectation? From(ProbeOptions options) =>
        options.ExpectStatus is null && options.ExpectBodyContains is null
            ? null
            : new HttpExpectation(options.HttpPath, options.ExpectStatus, options.ExpectBodyContains);
}
