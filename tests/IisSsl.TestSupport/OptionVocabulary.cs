using System.Text.RegularExpressions;

namespace IisSsl.TestSupport;

/// <summary>
/// The README's one table of option names ("Options: one vocabulary for every host"), read so that each host's
/// tests can check that it accepts exactly those names.
/// </summary>
public static partial class OptionVocabulary
{
    public sealed record Row(string? Option, IReadOnlyList<string> Aliases, string? CakeSetting, IReadOnlyList<string> NukeParameters, string UsedBy)
    {
        /// <summary>A row for one host alone ("Nuke only", "Cake only") names nothing the other hosts take.</summary>
        public bool IsHostSpecific => UsedBy.EndsWith(" only", StringComparison.Ordinal);
    }

    public static IReadOnlyList<Row> Rows { get; } = Read();

    private static List<Row> Read()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| Option | Cake setting | Nuke parameter |", StringComparison.Ordinal));
        if (header < 0)
            throw new InvalidOperationException("README.md has no options table.");
        return [.. lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(Parse)];
    }

    private static Row Parse(string line)
    {
        var cells = line.Split('|')[1..^1];
        var options = Code().Matches(cells[0]).Select(m => m.Groups[1].Value.Split(' ')[0]).ToList();
        var cake = Code().Match(cells[1]) is { Success: true } c ? c.Groups[1].Value : null;
        var nuke = Code().Matches(cells[2]).Select(m => m.Groups[1].Value).ToList();
        return new Row(options.FirstOrDefault(), options.Skip(1).ToList(), cake, nuke, cells[3].Trim());
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
