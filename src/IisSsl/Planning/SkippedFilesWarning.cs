using IisSsl.Analysis;

namespace IisSsl.Planning;

/// <summary>
/// The plan/apply warning for files among <c>--certs</c> that were not read (a FIFO, a device, a file over the size
/// cap): one line, the count and the first few names with why, so a reviewer knows a certificate may have been missed
/// without the report growing with the number of files.
/// </summary>
internal static class SkippedFilesWarning
{
    public const int NamesShown = 3;

    /// <summary>The warning for <paramref name="skipped"/> (each a file and why); empty when none was skipped.</summary>
    public static IReadOnlyList<string> For(IReadOnlyList<string> skipped)
    {
        if (skipped.Count == 0)
            return [];
        var shown = string.Join("; ", skipped.Take(NamesShown));
        var more = skipped.Count > NamesShown ? $"; and {skipped.Count - NamesShown} more (verify lists them all)" : "";
        return [$"{FindingCodes.CertificateFileSkipped}: {skipped.Count} file(s) among the certificates were not read, so a certificate in them was not seen: {shown}{more}"];
    }
}
