using System.Text;
using System.Text.RegularExpressions;

namespace IisSsl.Cli.Tests.Fuzz;

/// <summary>
/// Seeded mutations of an input file: byte flips, token splices, truncation, duplicated or dropped lines, and
/// structure-aware ones (an XML element or a JSON array item duplicated, dropped or given another type). The same
/// seed gives the same mutation, so a failure names the seed that reproduces it.
/// </summary>
internal static partial class Mutator
{
    private static readonly string[] Tokens =
    [
        "<", ">", "/>", "</", "\"", "'", "&", "&amp;", "&#0;", "<!--", "-->", "<![CDATA[", "]]>", "=", " ", "\n", "\r\n", "\t",
        "<binding protocol=\"https\" bindingInformation=\"*:443:x.example.com\" />", "protocol=\"https\"", "protocol=\"HTTPS\"",
        "bindingInformation=\"\"", ":443:", "*:443:", "[::1]:443:", "sslFlags=\"1\"", "sslFlags=\"-1\"", "<clear />", "<site name=\"S\" id=\"9\">",
        "</site>", "</bindings>", "<bindings>", "configSource=\"x.config\"", "xmlns=\"urn:x\"", "\u00e9", "\ufeff", "\u0000", "\ud7ff",
        "{", "}", "[", "]", ",", ":", "null", "true", "1e309", "-0", "\"\\ud800\"", "\"\\u0000\"", "\"sslCertBindings\"", "\"ipport\"", "\"hostnameport\"",
        "IP:port", "Hostname:port", "Certificate Hash", " : ", "0.0.0.0:443", "(null)", "-----BEGIN CERTIFICATE-----", "-----END CERTIFICATE-----",
    ];

    private static readonly byte[] Interesting = [0x00, 0x0A, 0x22, 0x3C, 0x3E, 0x7F, 0x80, 0xC3, 0xFF];

    /// <summary>
    /// The random seed of run <paramref name="run"/> of <paramref name="parser"/>: the same in every process (FNV-1a),
    /// unlike <see cref="HashCode.Combine{T1, T2, T3}"/>, whose per-process salt made a failing seed unreproducible.
    /// </summary>
    public static int StableSeed(int seed, string parser, int run)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes($"{seed}/{parser}/{run}"))
            hash = (hash ^ b) * 16777619u;
        return (int)hash;
    }

    public static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = input;
        var rounds = 1 + random.Next(3);
        for (var i = 0; i < rounds; i++)
            bytes = Once(bytes, random);
        return bytes;
    }

    /// <summary>A mutation that keeps every line that holds a binding element whole (for the binding oracle).</summary>
    public static string KeepingBindings(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var others = Enumerable.Range(0, lines.Count).Where(i => !lines[i].Contains("<binding ", StringComparison.Ordinal)).ToList();
        var at = others[random.Next(others.Count)];
        lines[at] = random.Next(4) switch
        {
            0 => Encoding.UTF8.GetString(Once(Encoding.UTF8.GetBytes(lines[at]), random)),
            1 => lines[at] + Tokens[random.Next(Tokens.Length)],
            2 => "",
            _ => lines[at] + "\n" + lines[others[random.Next(others.Count)]],
        };
        return string.Join('\n', lines);
    }

    private static byte[] Once(byte[] bytes, Random random)
    {
        if (bytes.Length == 0)
            return Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]);
        var at = random.Next(bytes.Length);
        switch (random.Next(9))
        {
            case 0: // flip a bit
                var flipped = (byte[])bytes.Clone();
                flipped[at] ^= (byte)(1 << random.Next(8));
                return flipped;
            case 1: // splice a token in
                return [.. bytes[..at], .. Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]), .. bytes[at..]];
            case 2: // truncate
                return bytes[..at];
            case 3: // cut a span out
                return [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + random.Next(1, 64))..]];
            case 4:
                return Lines(bytes, random, duplicate: true);
            case 5:
                return Lines(bytes, random, duplicate: false);
            case 6:
                return Element(bytes, random);
            case 7:
                return JsonItem(bytes, random);
            default: // replace a byte with an interesting one
                var replaced = (byte[])bytes.Clone();
                replaced[at] = Interesting[random.Next(Interesting.Length)];
                return replaced;
        }
    }

    private static byte[] Lines(byte[] bytes, Random random, bool duplicate)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
        var at = random.Next(lines.Count);
        if (duplicate)
            lines.Insert(at, lines[random.Next(lines.Count)]);
        else
            lines.RemoveAt(at);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    /// <summary>Duplicates or drops one whole XML element (self-closing, or with its children on the same line).</summary>
    private static byte[] Element(byte[] bytes, Random random)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var elements = XmlElement().Matches(text);
        if (elements.Count == 0)
            return Lines(bytes, random, duplicate: true);
        var element = elements[random.Next(elements.Count)];
        var replacement = random.Next(2) == 0 ? element.Value + element.Value : "";
        return Encoding.UTF8.GetBytes(text[..element.Index] + replacement + text[(element.Index + element.Length)..]);
    }

    /// <summary>Duplicates or drops a JSON object in an array, or turns a string value into a number or null.</summary>
    private static byte[] JsonItem(byte[] bytes, Random random)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var objects = JsonObject().Matches(text);
        if (objects.Count > 0 && random.Next(2) == 0)
        {
            var item = objects[random.Next(objects.Count)];
            var replacement = random.Next(2) == 0 ? item.Value + "," + item.Value : "";
            return Encoding.UTF8.GetBytes(text[..item.Index] + replacement + text[(item.Index + item.Length)..]);
        }

        var strings = JsonString().Matches(text);
        if (strings.Count == 0)
            return Lines(bytes, random, duplicate: false);
        var value = strings[random.Next(strings.Count)];
        string[] typed = ["0", "null", "[]", "{}", "true", "\"\"", "-1"];
        return Encoding.UTF8.GetBytes(text[..value.Index] + ": " + typed[random.Next(typed.Length)] + text[(value.Index + value.Length)..]);
    }

    [GeneratedRegex(@"<(\w[\w.]*)\b[^<>]*/>|<(\w[\w.]*)\b[^<>]*>[^<]*</\2>")]
    private static partial Regex XmlElement();

    [GeneratedRegex(@"\{[^{}\[\]]*\}")]
    private static partial Regex JsonObject();

    [GeneratedRegex(@":\s*""[^""\\]*""")]
    private static partial Regex JsonString();
}
