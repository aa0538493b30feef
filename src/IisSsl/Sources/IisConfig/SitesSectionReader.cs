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
    public static SitesSection Read(string text, string file)
    {
        var sites = new SitesSectionBuilder();
        var section = Read(new StringReader(text), file, () => text, sites);
        return section with { Sites = sites.Sites };
    }

    /// <summary>
    /// Reads the file's <paramref name="bytes"/> (a seekable stream) as they are decoded, without holding the whole
    /// text; errors are the same as for the decoded text, an undecodable byte first. Each <c>&lt;site&gt;</c> goes to
    /// <paramref name="sites"/> as it is read (<see cref="SitesSection.Sites"/> stays empty), so nothing is built for
    /// a site but what the sink keeps.
    /// </summary>
    /// <exception cref="InvalidInputException">The bytes are not valid text in the file's encoding, or see <see cref="Read(string, string)"/>.</exception>
    public static SitesSection Read(Stream bytes, string file, ISiteSink sites)
    {
        using var text = ConfigTextStream.Open(bytes, file, out var encoding);
        try
        {
            return Read(text, file, () => ConfigTextStream.ReadAll(bytes, file), sites);
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
    private static SitesSection Read(TextReader text, string file, Func<string> wholeText, ISiteSink sites)
    {
        using var reader = XmlReader.Create(text, Settings);
        try
        {
            return new Walker(reader, file, sites).ReadDocument();
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

    private sealed class Walker(XmlReader reader, string file, ISiteSink sites)
    {
        private readonly XmlReader _reader = reader;
        private readonly string _file = file;
        private readonly IXmlLineInfo _line = (IXmlLineInfo)reader;
        private readonly BindingsBuilder _defaults = new();
        private ElementPosition? _sitesPosition;

        public SitesSection ReadDocument()
        {
            if (_reader.MoveToContent() == XmlNodeType.Element)
            {
                var root = new Children(this);
                while (root.MoveNext(out var child))
                {
                    if (child == "system.applicationHost")
                        ReadApplicationHost();
                    else
                        _reader.Skip();
                }
            }

            return new SitesSection(_sitesPosition, [], _defaults.Bindings);
        }

        private void ReadApplicationHost()
        {
            var children = new Children(this);
            while (children.MoveNext(out var child))
            {
                if (child == "sites")
                    _sitesPosition = ReadSites();
                else
                    _reader.Skip();
            }
        }

        private ElementPosition ReadSites()
        {
            var start = Start();
            var children = new Children(this);
            while (children.MoveNext(out var child))
            {
                if (child == "site")
                    ReadSite();
                else if (child == "siteDefaults")
                    ReadSiteDefaults();
                else
                    _reader.Skip();
            }

            return children.PositionOf(start);
        }

        private void ReadSiteDefaults()
        {
            var children = new Children(this);
            while (children.MoveNext(out var child))
            {
                if (child == "bindings")
                    ReadBindings(_defaults);
                else
                    _reader.Skip();
            }
        }

        private void ReadSite()
        {
            var start = Start();
            sites.StartSite(_reader.GetAttribute("name"), _reader.GetAttribute("id"));
            var children = new Children(this);
            while (children.MoveNext(out var child))
            {
                if (child == "bindings")
                    ReadBindings(sites);
                else
                    _reader.Skip();
            }

            sites.EndSite(children.PositionOf(start));
        }

        private void ReadBindings(IBindingsSink sink)
        {
            var start = Start();
            sink.StartBindings();
            var children = new Children(this);
            while (children.MoveNext(out var child))
            {
                if (KindOf(child) is { } kind)
                    ReadEntry(kind, sink);
                else
                    _reader.Skip();
            }

            sink.EndBindings(children.PositionOf(start));
        }

        private static BindingEntryKind? KindOf(string element) => element switch
        {
            "binding" => BindingEntryKind.Add,
            "remove" => BindingEntryKind.Remove,
            "clear" => BindingEntryKind.Clear,
            _ => null,
        };

        private void ReadEntry(BindingEntryKind kind, IBindingsSink sink)
        {
            var start = Start();
            var protocol = _reader.GetAttribute("protocol");
            var information = _reader.GetAttribute("bindingInformation");
            var sslFlags = _reader.GetAttribute("sslFlags");
            var children = new Children(this);
            while (children.MoveNext(out _))
                _reader.Skip();
            sink.Entry(kind, protocol, information, sslFlags, children.PositionOf(start));
        }

        private (int Line, int Position) Start() => (_line.LineNumber, _line.LinePosition);

        /// <summary>
        /// The child elements of the element the reader is on (its start tag): each <see cref="MoveNext"/> leaves the
        /// reader on the next child's start tag, which the caller must consume, until it has moved past the end tag,
        /// whose position it keeps ((0, 0) for a self-closing element).
        /// </summary>
        private struct Children(Walker walker)
        {
            private bool _entered;
            private (int Line, int Position) _end;

            public bool MoveNext(out string child)
            {
                var reader = walker._reader;
                child = string.Empty;
                if (!_entered)
                {
                    _entered = true;
                    var isEmpty = reader.IsEmptyElement;
                    reader.Read();
                    if (isEmpty)
                        return false;
                }

                while (!reader.EOF)
                {
                    switch (reader.NodeType)
                    {
                        case XmlNodeType.EndElement:
                            _end = walker.Start();
                            reader.Read();
                            return false;
                        case XmlNodeType.Element:
                            child = reader.Name;
                            return true;
                        default:
                            reader.Read();
                            break;
                    }
                }

                throw new InvalidInputException("the file ends before its elements are closed", walker._file);
            }

            public readonly ElementPosition PositionOf((int Line, int Position) start) =>
                new(start.Line, start.Position, _end.Line, _end.Position);
        }
    }
}
