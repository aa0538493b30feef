using System.Text;
using IisSsl.Model;
using IisSsl.Sources.HttpSys;

namespace IisSsl.Tests.Sources.HttpSys;

/// <summary>Everything a netsh read gives a user, as one comparable text: each record as read, or the refusal's message.</summary>
internal static class NetshOutcome
{
    public static string Of(Func<HttpSysState> read)
    {
        try
        {
            return string.Join("\n", read().Bindings.Select(Describe));
        }
        catch (InvalidInputException e)
        {
            return "refused: " + e.Message;
        }
    }

    /// <summary>The lines <see cref="RecordedTextFile.ReadLines"/> hands on, one string each.</summary>
    public static List<string> LinesOf(string path, int chunkBytes)
    {
        var lines = new List<string>();
        RecordedTextFile.ReadLines(path, line => lines.Add(line.ToString()), chunkBytes);
        return lines;
    }

    /// <summary>
    /// The lines of <paramref name="path"/> as the tool read them before it read in chunks, kept here as the oracle:
    /// the whole file decoded at once by the encoding its BOM names, or UTF-16 LE when the first 256 bytes have a zero
    /// in every second byte only (and the length is even), else UTF-8; then split at every LF.
    /// </summary>
    public static string[] WholeFileLinesOf(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var (encoding, bom) = bytes switch
        {
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            _ when bytes.Length >= 4 && bytes.Length % 2 == 0
                && bytes.Take(256).Chunk(2).All(pair => pair[0] != 0 && pair[1] == 0) => (Encoding.Unicode, 0),
            _ => (Encoding.UTF8, 0),
        };
        return encoding.GetString(bytes, bom, bytes.Length - bom).Split('\n');
    }

    private static string Describe(SslCertBinding b) =>
        $"{b.Key} hash={b.Thumbprint} store={b.StoreName} app={b.AppId} at={b.Location} "
        + string.Join(", ", b.Settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));
}
