using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace IisSsl.Sources.IisConfig;

/// <summary>
/// Streams an applicationHost.config with <see cref="XmlReader"/> and keeps only <c>system.applicationHost/sites</c>:
/// each site's name, id and bindings collection, <c>siteDefaults/bindings</c>, and where each element sits; or the
/// section's <c>configSource</c>, or a redirection.config's <c>configurationRedirection</c>, for the caller to follow.
/// Everything else (<c>location</c>, <c>applicationPools</c>, applications, defaults...) is skipped unread.
/// DTDs are refused and no external entity is ever resolved.
/// It is strict exactly where the engine models the data, as IIS's own schema is: inside <c>&lt;bindings&gt;</c>
/// (only binding, remove and clear, with their schema attributes), one <c>&lt;bindings&gt;</c> per site, one sites
/// section. <c>&lt;site&gt;</c> and <c>&lt;siteDefaults&gt;</c> are tolerant: IIS validates them against its schema
/// plus installed extensions (FTP's ftpServer, IIS 10's hsts, third-party modules), so what the tool does not know
/// there is skipped, never refused.
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

    /// <exception cref="InvalidInputException">The text is not well-formed XML, holds a DTD, or holds what IIS refuses in the parts read.</exception>
    public static SitesSection Read(string text, string file, SitesDocument document = SitesDocument.ApplicationHost)
    {
        var sites = new SitesSectionBuilder();
        var section = Read(new StringReader(text), file, () => text, sites, document);
        return section with { Sites = sites.Sites };
    }

    /// <summary>
    /// Reads the file's <paramref name="bytes"/> (a seekable stream) as they are decoded, without holding the whole
    /// text; errors are the same as for the decoded text, an undecodable byte first. Each <c>&lt;site&gt;</c> goes to
    /// <paramref name="sites"/> as it is read (<see cref="SitesSection.Sites"/> stays empty), so nothing is built for
    /// a site but what the sink keeps.
    /// </summary>
    /// <exception cref="InvalidInputException">The bytes are not valid text in the file's encoding, or see <see cref="Read(string, string, SitesDocument)"/>.</exception>
    public static SitesSection Read(Stream bytes, string file, ISiteSink sites, SitesDocument document = SitesDocument.ApplicationHost)
    {
        using var text = ConfigTextStream.Open(bytes, file, out var encoding);
        try
        {
            return Read(text, file, () => ConfigTextStream.ReadAll(bytes, file), sites, document);
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
    private static SitesSection Read(TextReader text, string file, Func<string> wholeText, ISiteSink sites, SitesDocument document)
    {
        using var reader = XmlReader.Create(text, Settings);
        try
        {
            var walker = new Walker(reader, file, sites, document);
            var section = walker.ReadDocument();
            return walker.Problem is { } problem ? throw problem : section;
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

    private sealed class Walker(XmlReader reader, string file, ISiteSink sites, SitesDocument document)
    {
        private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

        private readonly XmlReader _reader = reader;
        private readonly string _file = file;
        private readonly IXmlLineInfo _line = (IXmlLineInfo)reader;
        private readonly BindingsBuilder _defaults = new();
        private readonly BindingAttributeNames _names = new(reader.NameTable);
        private readonly EntryAttributes _entry = new();
        private readonly AttributeText _siteId = new();
        private ElementPosition? _sitesPosition;
        private ConfigSourceReference? _configSource;
        private RedirectionElement? _redirection;
        private int _siteDefaultsLine;

        /// <summary>The first thing IIS would refuse, thrown once the whole file is known to be well-formed XML.</summary>
        public InvalidInputException? Problem { get; private set; }

        public SitesSection ReadDocument()
        {
            if (_reader.MoveToContent() == XmlNodeType.Element)
            {
                if (document == SitesDocument.ConfigSource)
                    ReadConfigSourceRoot();
                else if (_reader.Name == "configuration")
                    ReadConfiguration();
                else
                    _reader.Skip();
            }

            return new SitesSection(_sitesPosition, [], _defaults.Bindings) { ConfigSource = _configSource, Redirection = _redirection };
        }

        private void ReadConfiguration()
        {
            var root = new Children(this);
            while (root.MoveNext(out var child))
            {
                if (child == "system.applicationHost")
                    ReadApplicationHost();
                else if (child == "configurationRedirection")
                    ReadRedirection();
                else
                    _reader.Skip();
            }
        }

        /// <summary>A configSource file holds the section element itself: <c>&lt;sites&gt;</c> as its root.</summary>
        private void ReadConfigSourceRoot()
        {
            if (_reader.Name != "sites")
            {
                Refuse($"a file named by <sites configSource=\"…\"> must hold the <sites> element; this one holds <{_reader.Name}>");
                _reader.Skip();
                return;
            }

            if (_reader.GetAttribute("configSource") is not null)
                Refuse("the <sites> element of a configSource file cannot name another configSource");
            _sitesPosition = ReadSites();
        }

        private void ReadRedirection()
        {
            _redirection ??= new RedirectionElement(_reader.GetAttribute("enabled"), _reader.GetAttribute("path"), _line.LineNumber);
            _reader.Skip();
        }

        private void ReadApplicationHost()
        {
            var children = new Children(this);
            while (children.MoveNext(out var child))
            {
                if (child != "sites")
                {
                    _reader.Skip();
                }
                else if (_sitesPosition is { } first)
                {
                    Refuse($"a second <sites> section (the first is on line {first.Line}); IIS refuses the file");
                    _reader.Skip();
                }
                else if (_reader.GetAttribute("configSource") is { } source)
                {
                    _configSource = new ConfigSourceReference(source, _line.LineNumber);
                    _sitesPosition = SkipReferencedSites();
                }
                else
                {
                    _sitesPosition = ReadSites();
                }
            }
        }

        /// <summary>A <c>&lt;sites configSource="…"/&gt;</c>: IIS reads the section from that file only, so it may hold nothing itself.</summary>
        private ElementPosition SkipReferencedSites()
        {
            var start = Start();
            var children = new Children(this);
            while (children.MoveNext(out var child))
            {
                Refuse($"<sites> names a configSource file and also holds <{child}>; IIS refuses a section that has both");
                _reader.Skip();
            }

            return children.PositionOf(start);
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
                else if (child is "clear" or "remove")
                    RefuseSitesCollectionEdit(child);
                else
                    _reader.Skip();
            }

            return children.PositionOf(start);
        }

        /// <summary>
        /// Whether IIS honours or refuses <c>&lt;clear/&gt;</c> and <c>&lt;remove/&gt;</c> among the sites is not
        /// documented; either way the sites read would not be the sites served, so the file is refused rather than guessed.
        /// </summary>
        private void RefuseSitesCollectionEdit(string child)
        {
            Refuse($"<{child}> in <sites> would drop sites IIS otherwise serves; the tool does not model it (remove the site instead)");
            _reader.Skip();
        }

        private void ReadSiteDefaults()
        {
            if (_siteDefaultsLine != 0)
                Refuse($"a second <siteDefaults> (the first is on line {_siteDefaultsLine}); IIS refuses the file");
            _siteDefaultsLine = _line.LineNumber;
            var bindingsLine = 0;
            var children = new Children(this);
            while (children.MoveNext(out var child))
            {
                if (child == "bindings")
                    ReadBindings(_defaults, null, ref bindingsLine);
                else
                    _reader.Skip();
            }
        }

        private void ReadSite()
        {
            var start = Start();
            var name = _reader.GetAttribute("name");
            _siteId.Clear();
            if (_reader.MoveToAttribute("id"))
            {
                _siteId.Read(_reader);
                _reader.MoveToElement();
            }

            sites.StartSite(name, _siteId);
            var bindingsLine = 0;
            var children = new Children(this);
            while (children.MoveNext(out var child))
            {
                if (child == "bindings")
                    ReadBindings(sites, name ?? string.Empty, ref bindingsLine);
                else
                    _reader.Skip();
            }

            sites.EndSite(children.PositionOf(start));
        }

        /// <param name="sink">Receives the entries.</param>
        /// <param name="site">The site's name (empty when it has none), or null for siteDefaults: named only in a refusal.</param>
        /// <param name="firstLine">The line of the parent's first &lt;bindings&gt; (0 before it).</param>
        private void ReadBindings(IBindingsSink sink, string? site, ref int firstLine)
        {
            if (firstLine != 0)
            {
                // Refused, and not read: a second collection must not replace or add to the first.
                var owner = site switch { null => "<siteDefaults>", "" => "a <site>", _ => $"site '{site}'" };
                Refuse($"{owner} has a second <bindings> element (the first is on line {firstLine}); IIS refuses the file");
                _reader.Skip();
                return;
            }

            firstLine = _line.LineNumber;
            var start = Start();
            sink.StartBindings();
            var children = new Children(this);
            while (children.MoveNext(out var child))
            {
                if (KindOf(child) is { } kind)
                {
                    ReadEntry(kind, sink);
                }
                else
                {
                    Refuse($"<{child}> is not allowed in <bindings> (IIS accepts only <binding>, <remove> and <clear> there and refuses the file)");
                    _reader.Skip();
                }
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

        /// <summary>
        /// One pass over the attributes (names compared as the reader's atomised strings and values copied into
        /// buffers kept for the next entry, so nothing is allocated for them): IIS's schema gives <c>&lt;binding&gt;</c> protocol, bindingInformation and sslFlags, <c>&lt;remove&gt;</c>
        /// the two key attributes and <c>&lt;clear&gt;</c> none, besides the lock attributes of its configuration
        /// system; anything else is refused, as IIS refuses it.
        /// </summary>
        private void ReadEntry(BindingEntryKind kind, IBindingsSink sink)
        {
            var start = Start();
            _entry.Clear();
            while (_reader.MoveToNextAttribute())
            {
                var name = _reader.Name;
                if ((object)name == _names.Protocol && kind != BindingEntryKind.Clear)
                    _entry.Protocol.Read(_reader);
                else if ((object)name == _names.BindingInformation && kind != BindingEntryKind.Clear)
                    _entry.BindingInformation.Read(_reader);
                else if ((object)name == _names.SslFlags && kind == BindingEntryKind.Add)
                    _entry.SslFlags.Read(_reader);
                else if (!_names.IsLockAttribute(name) && _reader.NamespaceURI != XmlnsNamespace)
                    Refuse($"<{ElementName(kind)}> has an unknown attribute '{name}' (IIS's schema gives it {KnownAttributes(kind)}, and IIS refuses the file)");
            }

            _reader.MoveToElement();
            var children = new Children(this);
            while (children.MoveNext(out var child))
            {
                Refuse($"<{ElementName(kind)}> cannot hold an element (<{child}>); IIS refuses the file");
                _reader.Skip();
            }

            sink.Entry(kind, _entry, children.PositionOf(start));
        }

        private static string ElementName(BindingEntryKind kind) => kind switch
        {
            BindingEntryKind.Add => "binding",
            BindingEntryKind.Remove => "remove",
            _ => "clear",
        };

        private static string KnownAttributes(BindingEntryKind kind) => kind switch
        {
            BindingEntryKind.Add => "only protocol, bindingInformation and sslFlags",
            BindingEntryKind.Remove => "only protocol and bindingInformation",
            _ => "no attributes",
        };

        /// <summary>Keeps the first problem (at the reader's line unless given) and reads on, so an XML error later in the file still comes first.</summary>
        private void Refuse(string problem) => Problem ??= new InvalidInputException(problem, _file, _line.LineNumber);

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
