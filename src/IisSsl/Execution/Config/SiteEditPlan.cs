using System.Text;
using IisSsl.Model;
using IisSsl.Sources.IisConfig;

namespace IisSsl.Execution.Config;

/// <summary>
/// The edits to one site, applied in order to its effective bindings, then turned into text changes: attribute
/// changes in place, removed element lines, and new elements appended to the site's own <c>&lt;bindings&gt;</c>
/// (created before <c>&lt;/site&gt;</c> when the site has none; inheritance from <c>siteDefaults</c> is unaffected,
/// since a site's own collection adds to the defaults rather than replacing them).
/// </summary>
internal sealed class SiteEditPlan
{
    private readonly SiteElement _site;
    private readonly string _file;
    private readonly List<PlannedBinding> _effective;
    private readonly HashSet<BindingEntry> _removedOwn = new(ReferenceEqualityComparer.Instance);
    private readonly List<(PlannedBinding Binding, bool IsRemoval)> _appended = [];

    public SiteEditPlan(SiteElement site, IEnumerable<PlannedBinding> inherited, string file)
    {
        _site = site;
        _file = file;
        _effective = BindingCollectionMerge.Apply(inherited, site.Bindings, entry => PlannedBinding.From(entry, BindingOrigin.Own), b => b.Key);
    }

    private string SiteName => _site.Name ?? string.Empty;

    public void Apply(ConfigEdit edit)
    {
        switch (edit)
        {
            case ConfigEdit.AddBinding add:
                Add(add);
                break;
            case ConfigEdit.SetSslFlags set:
                SetFlags(set);
                break;
            case ConfigEdit.RemoveBinding remove:
                Remove(remove);
                break;
            default:
                throw new ArgumentException($"unknown config edit {edit.GetType().Name}", nameof(edit));
        }
    }

    private void Add(ConfigEdit.AddBinding add)
    {
        if (string.IsNullOrWhiteSpace(add.Protocol) || string.IsNullOrEmpty(add.BindingInformation))
            throw Refuse($"cannot add a binding to site '{SiteName}' without a protocol and bindingInformation");
        var probe = BindingFactory.Create(add.Protocol, add.BindingInformation, null, null);
        if (probe.Problem is not null)
            throw Refuse($"cannot add binding {add.Protocol}/{add.BindingInformation} to site '{SiteName}': {probe.Problem}");

        var key = BindingKey.Of(add.Protocol, add.BindingInformation);
        if (Find(key) is { } existing)
            throw Refuse($"site '{SiteName}' already has binding {existing}; cannot add {add.Protocol}/{add.BindingInformation} again");

        var binding = new PlannedBinding(key, add.Protocol, add.BindingInformation, add.SslFlags, BindingOrigin.New, null);
        _effective.Add(binding);
        _appended.Add((binding, false));
    }

    private void SetFlags(ConfigEdit.SetSslFlags set)
    {
        var binding = FindOrRefuse(set.Protocol, set.BindingInformation);
        if (binding.Origin == BindingOrigin.Inherited)
            throw Refuse($"binding {binding} of site '{SiteName}' is inherited from siteDefaults; its sslFlags can only be changed there");
        binding.Flags = set.SslFlags;
        binding.FlagsChanged = binding.Origin == BindingOrigin.Own;
    }

    private void Remove(ConfigEdit.RemoveBinding remove)
    {
        var binding = FindOrRefuse(remove.Protocol, remove.BindingInformation);
        _effective.Remove(binding);
        switch (binding.Origin)
        {
            case BindingOrigin.New:
                _appended.RemoveAll(a => ReferenceEquals(a.Binding, binding));
                break;
            case BindingOrigin.Own:
                _removedOwn.Add(binding.Entry!);
                break;
            default:
                // IIS drops an inherited collection entry with <remove/> in the site's own collection.
                _appended.Add((binding, true));
                break;
        }
    }

    public IEnumerable<TextChange> Changes(TextLayout layout, ElementPosition? sitesPosition)
    {
        foreach (var binding in _effective.Where(b => b.FlagsChanged))
        {
            if (FlagsChange(layout, binding) is { } change)
                yield return change;
        }

        foreach (var entry in _removedOwn)
        {
            var start = layout.ElementStart(entry.Position);
            var (from, to) = layout.RemovalRange(start, layout.ElementEnd(entry.Position));
            yield return TextChange.Delete(from, to);
        }

        if (_appended.Count > 0)
            yield return Insertion(layout, sitesPosition, [.. _appended.Select(a => ElementText(a.Binding, a.IsRemoval))]);
    }

    private static TextChange? FlagsChange(TextLayout layout, PlannedBinding binding)
    {
        var tag = StartTag.At(layout.Text, layout.ElementStart(binding.Entry!.Position));
        var value = SslFlagsParser.Format(binding.Flags);
        if (tag.Find("sslFlags") is { } attribute)
        {
            return layout.Text.AsSpan(attribute.ValueStart, attribute.ValueEnd - attribute.ValueStart).SequenceEqual(value)
                ? null
                : new TextChange(attribute.ValueStart, attribute.ValueEnd, value);
        }

        if (binding.Flags == SslFlags.None)
            return null;
        var quote = tag.Attributes.Count > 0 ? tag.Attributes[^1].Quote : '"';
        return TextChange.Insert(tag.AfterLastAttribute, $" sslFlags={quote}{value}{quote}");
    }

    private TextChange Insertion(TextLayout layout, ElementPosition? sitesPosition, string[] elements)
    {
        var nl = layout.NewLine;
        var siteStart = layout.ElementStart(_site.Position);
        var siteIndent = layout.IndentOf(siteStart);
        var sitesIndent = sitesPosition is { } sites ? layout.IndentOf(layout.ElementStart(sites)) : string.Empty;
        var unit = TextLayout.IndentUnit(siteIndent, sitesIndent);
        if (_site.Bindings is { } bindings)
        {
            var bindingsStart = layout.ElementStart(bindings.Position);
            var bindingsIndent = layout.IndentOf(bindingsStart);
            var childIndent = ChildIndent(layout, bindings, bindingsIndent, unit);
            var lines = string.Concat(elements.Select(e => nl + childIndent + e));
            var lastKept = bindings.Entries.LastOrDefault(e => !_removedOwn.Contains(e));
            if (lastKept is not null)
                return TextChange.Insert(layout.ElementEnd(lastKept.Position), lines);
            return IntoContainer(layout, bindings.Position, bindingsStart, bindingsIndent, "bindings", lines);
        }

        var block = new StringBuilder()
            .Append(nl).Append(siteIndent).Append(unit).Append("<bindings>")
            .AppendJoin(string.Empty, elements.Select(e => nl + siteIndent + unit + unit + e))
            .Append(nl).Append(siteIndent).Append(unit).Append("</bindings>")
            .ToString();
        return IntoContainer(layout, _site.Position, siteStart, siteIndent, "site", block);
    }

    /// <summary>Puts <paramref name="lines"/> (each starting with a line break) as the last children of a container element.</summary>
    private static TextChange IntoContainer(TextLayout layout, ElementPosition container, int start, string indent, string name, string lines)
    {
        var nl = layout.NewLine;
        if (container.IsEmptyElement)
        {
            var tag = StartTag.At(layout.Text, start);
            return new TextChange(layout.TrimBlanksBefore(tag.CloseStart), tag.End, ">" + lines + nl + indent + "</" + name + ">");
        }

        var close = layout.EndTagStart(container);
        if (layout.IsFirstOnLine(close))
        {
            // Insert whole lines just before the closing tag's line; it keeps its own indentation.
            var lineStart = layout.LineStartOf(close);
            return TextChange.Insert(lineStart, lines[nl.Length..] + nl);
        }

        return TextChange.Insert(close, lines + nl + indent);
    }

    private static string ChildIndent(TextLayout layout, BindingsElement bindings, string bindingsIndent, string unit)
    {
        foreach (var entry in bindings.Entries)
        {
            var start = layout.ElementStart(entry.Position);
            if (layout.IsFirstOnLine(start))
                return layout.IndentOf(start);
        }

        return bindingsIndent + unit;
    }

    private static string ElementText(PlannedBinding binding, bool isRemoval)
    {
        var attributes = $"protocol=\"{TextChange.EscapeAttribute(binding.Protocol)}\" bindingInformation=\"{TextChange.EscapeAttribute(binding.Information)}\"";
        if (isRemoval)
            return $"<remove {attributes} />";
        return binding.Flags == SslFlags.None
            ? $"<binding {attributes} />"
            : $"<binding {attributes} sslFlags=\"{SslFlagsParser.Format(binding.Flags)}\" />";
    }

    private PlannedBinding? Find(BindingKey key) => _effective.Find(b => b.Key == key);

    private PlannedBinding FindOrRefuse(string protocol, string bindingInformation) =>
        Find(BindingKey.Of(protocol, bindingInformation))
        ?? throw Refuse($"site '{SiteName}' has no binding {protocol}/{bindingInformation}");

    private InvalidInputException Refuse(string problem) => new(problem, _file);
}
