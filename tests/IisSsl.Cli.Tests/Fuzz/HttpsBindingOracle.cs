using System.Xml;
using IisSsl.Sources;

namespace IisSsl.Cli.Tests.Fuzz;

/// <summary>
/// Counts https bindings two independent ways: the BCL's XmlReader over the raw bytes (every <c>binding</c> element of
/// a <c>site</c> under <c>sites</c> whose protocol is https), and the engine's reading. A well-formed file the engine
/// accepts must not come out with fewer https bindings than the XmlReader sees.
/// </summary>
internal static class HttpsBindingOracle
{
    /// <summary>The XmlReader's count, or null when the bytes are not well-formed XML.</summary>
    public static int? Expected(byte[] bytes)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true });
            var path = new List<string>();
            var count = 0;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    if (reader.LocalName == "binding" && path.Count >= 3 && path[^1] == "bindings" && path[^2] == "site" && path[^3] == "sites"
                        && string.Equals(reader.GetAttribute("protocol"), "https", StringComparison.OrdinalIgnoreCase))
                        count++;
                    if (!reader.IsEmptyElement)
                        path.Add(reader.LocalName);
                }
                else if (reader.NodeType == XmlNodeType.EndElement)
                {
                    path.RemoveAt(path.Count - 1);
                }
            }

            return count;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>The engine's count, or null when it refuses the file.</summary>
    public static int? Read(string path)
    {
        try
        {
            return new ApplicationHostConfigFile(path).Read().Sites.Sum(s => s.Bindings.Count(b => b.IsHttps));
        }
        catch (InvalidInputException)
        {
            return null;
        }
    }
}
