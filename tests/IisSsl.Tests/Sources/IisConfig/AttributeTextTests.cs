using System.Globalization;
using System.Text;
using System.Xml;
using FsCheck.Xunit;
using IisSsl.Sources.IisConfig;

namespace IisSsl.Tests.Sources.IisConfig;

/// <summary>Attribute values copied from the reader into a reused buffer are the values the reader gives as strings.</summary>
public sealed class AttributeTextTests
{
    [Property(MaxTest = 300)]
    public void Values_copied_from_the_reader_are_the_values_it_gives_as_strings(int seed)
    {
        var random = new Random(seed);
        var elements = Enumerable.Range(0, 1 + random.Next(4))
            .Select(_ => Enumerable.Range(0, random.Next(4)).Select(a => ($"a{a}", XmlValues.Random(random))).ToList())
            .ToList();
        var xml = new StringBuilder("<root>");
        foreach (var attributes in elements)
            xml.Append("<e").Append(string.Concat(attributes.Select(a => $" {a.Item1}=\"{XmlValues.Escape(a.Item2, random)}\""))).Append(" />");
        var text = xml.Append("</root>").ToString();

        var expected = ValuesAsStrings(text);
        var buffer = new AttributeText();
        var copied = new List<string>();
        using (var reader = XmlReader.Create(new StringReader(text)))
        {
            while (reader.Read())
            {
                while (reader.NodeType == XmlNodeType.Element && reader.MoveToNextAttribute())
                {
                    buffer.Read(reader);
                    copied.Add(buffer.Text.ToString());
                }
            }
        }

        Assert.Equal(expected, copied);
    }

    [Fact]
    public void An_absent_value_is_not_an_empty_one()
    {
        var buffer = new AttributeText();
        using var reader = XmlReader.Create(new StringReader("<e a=\"\" />"));
        reader.MoveToContent();
        reader.MoveToFirstAttribute();

        buffer.Read(reader);
        Assert.True(buffer.IsPresent);
        Assert.Equal(string.Empty, buffer.ToStringOrNull());

        buffer.Clear();
        Assert.False(buffer.IsPresent);
        Assert.Null(buffer.ToStringOrNull());
    }

    private static List<string> ValuesAsStrings(string xml)
    {
        var values = new List<string>();
        using var reader = XmlReader.Create(new StringReader(xml));
        while (reader.Read())
        {
            while (reader.NodeType == XmlNodeType.Element && reader.MoveToNextAttribute())
                values.Add(reader.Value);
        }

        return values;
    }
}

/// <summary>Random attribute values and the many ways XML may write them.</summary>
internal static class XmlValues
{
    private const string Plain = "abcxyzABCXYZ0189.:-_*[]/ü€";

    /// <summary>
    /// A value of 0 to 600 characters (the reader's buffer starts at 128 and doubles): plain characters, whitespace
    /// the reader normalises, characters XML must escape, and surrogate pairs, which must never be split.
    /// </summary>
    public static string Random(Random random)
    {
        var length = random.Next(4) switch { 0 => random.Next(3), 1 => random.Next(20), 2 => random.Next(120, 140), _ => random.Next(600) };
        var value = new StringBuilder();
        while (value.Length < length)
        {
            value.Append(random.Next(12) switch
            {
                0 => "😀",
                1 => "\t",
                2 => "\r\n",
                3 => "&",
                4 => "<",
                5 => "\"",
                _ => Plain[random.Next(Plain.Length)].ToString(),
            });
        }

        return value.ToString();
    }

    /// <summary><paramref name="value"/> as attribute text: each character written as itself, or an entity or character reference.</summary>
    public static string Escape(string value, Random random)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var reference = random.Next(5) == 0;
            if (char.IsHighSurrogate(c))
            {
                text.Append(reference ? string.Create(CultureInfo.InvariantCulture, $"&#x{char.ConvertToUtf32(c, value[i + 1]):X};") : value.Substring(i, 2));
                i++;
            }
            else if (c is '&' or '<' or '"' || reference)
            {
                text.Append(c switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '"' => "&quot;",
                    _ => string.Create(CultureInfo.InvariantCulture, $"&#{(int)c};"),
                });
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
