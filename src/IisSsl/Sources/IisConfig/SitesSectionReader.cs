using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace IisSsl.Sources.IisConfig;

/// <summary>
/// Streams an applicationHost.config with <see cref="XmlReader"/> and keeps only <c>system.applicationHost/sites</c>:
/// each site's name, id and bindings collection, <c>siteDefaults/bindings</c>, and where each element sits.
/// Everything else (<c>location</c>, <c>applicationPools</c>, applications, defaults...) is skipped unread.
/// DTDs are refused and no external entity is ever resolved.
/// </summary>
internal static partial class SitesSectionReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    /// <exception cref="InvalidInputException">The text is not well-formed XML, holds a DTD, or a site has no name or a bad id.</exception>
    public static SitesSection Read(string text, string file) => Read(new StringReader(text), file, () => text);

    /// <summary>
    /// Reads the file's <paramref name="bytes"/> (a seekable stream) as they are decoded, without holding the whole
    /// text; errors are the same as for the decoded text, an undecodable byte first.
    /// </summary>
    /// <exception cref="InvalidInputException">The bytes are not valid text in the file's encoding, or see <see cref="Read(string, string)"/>.</exception>
    public static SitesSection Read(Stream bytes, string file)
    {
        using var text = ConfigTextStream.Open(bytes, file, out var encoding);
        try
        {
            return Read(text, file, () => ConfigTextStream.ReadAll(bytes, file));
        }
        catch (DecoderFallbackException)
        {
            throw ConfigText.NotValidText(encoding, file);
        }
    }

    /// <summary>
    /// Reads <paramref name="text"/>; <paramref name="wholeText"/> is asked for only to explain an XML error (and
    /// fails first if the bytes behind the text cannot be decoded, as decoding the whole file up front did).
    /// </summary>
    private static SitesSection Read(TextReader text, string file, Func<string> wholeText)
    {
        using var reader = XmlReader.Create(text, Settings);
        try
        {
            return new Walker(reader, file).ReadDocument();
        }
        catch (XmlException ex)
        {
            if (DoctypeLine(wholeText()) is { } doctypeLine && (ex.LineNumber == 0 || ex.LineNumber == doctypeLine))
                throw new InvalidInputException("a DTD (<!DOCTYPE>) is not allowed in an IIS configuration file", file, doctypeLine, ex);
            throw new InvalidInputException($"not well-formed XML: {LineSuffix().Replace(ex.Message, string.Empty)}", file, ex.LineNumber, ex);
        }
    }

    /// <summary>The line of the first <c>&lt;!DOCTYPE</c>, which the reader refuses (it reports no line for it).</summary>
    private static int? DoctypeLine(string text)
    {
        var at = text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (at < 0)
            return null;
        var line = 1;
        for (var i = 0; i < at; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
                line++;
        }

        return line;
    }

    [GeneratedRegex(@"\s*Line \d+, position \d+\.\s*$")]
    private static partial Regex LineSuffix();

    private sealed class Walker(XmlReader reader, string file)
    {
        private readonly IXmlLineInfo _line = (IXmlLineInfo)reader;

        // One delegate for the children of every <binding>, not one per binding.
        private readonly Action<string> _skipChild = _ => reader.Skip();
        private readonly List<SiteElement> _sites = [];
        private BindingsElement? _defaults;
        private ElementPosition? _sitesPosition;

        public SitesSection ReadDocument()
        {
            if (reader.MoveToContent() == XmlNodeType.Element)
                ReadChildren(root => Visit(root, "system.applicationHost", ReadApplicationHost));
            return new SitesSection(_sitesPosition, _sites, _defaults);
        }

        private void ReadApplicationHost() =>
            ReadChildren(child => Visit(child, "sites", () => _sitesPosition = ReadSites()));

        private ElementPosition ReadSites()
        {
            var (line, position) = (_line.LineNumber, _line.LinePosition);
            var end = ReadChildren(child =>
            {
                if (child == "site")
                    _sites.Add(ReadSite());
                else
                    Visit(child, "siteDefaults", ReadSiteDefaults);
            });
            return new ElementPosition(line, position, end.Line, end.Position);
        }

        private void ReadSiteDefaults() =>
            ReadChildren(child => Visit(child, "bindings", () => _defaults = ReadBindings()));

        private SiteElement ReadSite()
        {
            var (line, position) = (_line.LineNumber, _line.LinePosition);
            var name = reader.GetAttribute("name");
            var id = reader.GetAttribute("id");
            BindingsElement? bindings = null;
            var end = ReadChildren(child => Visit(child, "bindings", () => bindings = ReadBindings()));
            return new SiteElement(name, id, new ElementPosition(line, position, end.Line, end.Position), bindings);
        }

        private BindingsElement ReadBindings()
        {
            var (line, position) = (_line.LineNumber, _line.LinePosition);
            var entries = new List<BindingEntry>();
            var end = ReadChildren(child =>
            {
                var kind = child switch
                {
                    "binding" => BindingEntryKind.Add,
                    "remove" => BindingEntryKind.Remove,
                    "clear" => BindingEntryKind.Clear,
                    _ => (BindingEntryKind?)null,
                };
                if (kind is null)
                {
                    reader.Skip();
                    return;
                }

                var (entryLine, entryPosition) = (_line.LineNumber, _line.LinePosition);
                var protocol = reader.GetAttribute("protocol");
                var information = reader.GetAttribute("bindingInformation");
                var sslFlags = reader.GetAttribute("sslFlags");
                var entryEnd = ReadChildren(_skipChild);
                entries.Add(new BindingEntry(kind.Value, protocol, information, sslFlags, new ElementPosition(entryLine, entryPosition, entryEnd.Line, entryEnd.Position)));
            });
            return new BindingsElement(new ElementPosition(line, position, end.Line, end.Position), entries);
        }

        private void Visit(string name, string wanted, Action read)
        {
            if (name == wanted)
                read();
            else
                reader.Skip();
        }

        /// <summary>
        /// With the reader on a start tag, hands each child element's name to <paramref name="visit"/> (which must
        /// consume that child) and leaves the reader after the end tag. Returns the end tag's position, or (0, 0)
        /// for a self-closing element.
        /// </summary>
        private (int Line, int Position) ReadChildren(Action<string> visit)
        {
            if (reader.IsEmptyElement)
            {
                reader.Read();
                return (0, 0);
            }

            reader.Read();
            while (!reader.EOF)
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.EndElement:
                        var end = (_line.LineNumber, _line.LinePosition);
                        reader.Read();
                        return end;
                    case XmlNodeType.Element:
                        visit(reader.Name);
                        break;
                    default:
                        reader.Read();
                        break;
                }
            }

            throw new InvalidInputException("the file ends before its elements are closed", file);
        }
    }
}
