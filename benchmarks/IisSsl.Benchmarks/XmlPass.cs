using System.Xml;

namespace IisSsl.Benchmarks;

/// <summary>The least any reader of applicationHost.config must do: stream it once and read each binding's attributes.</summary>
internal static class XmlPass
{
    public static int CountBindingAttributes(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreWhitespace = true };
        using var reader = XmlReader.Create(path, settings);
        var total = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Name == "binding")
            {
                total += reader.GetAttribute("protocol")?.Length ?? 0;
                total += reader.GetAttribute("bindingInformation")?.Length ?? 0;
                total += reader.GetAttribute("sslFlags")?.Length ?? 0;
            }
        }

        return total;
    }
}
