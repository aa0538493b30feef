namespace IisSsl.Sources.IisConfig;

/// <summary>
/// IIS collection inheritance for <c>&lt;bindings&gt;</c>. A site starts from the <c>siteDefaults</c> bindings and
/// applies its own collection in document order: <c>&lt;binding&gt;</c> appends, <c>&lt;remove&gt;</c> drops the
/// entries with the same (protocol, bindingInformation) key, <c>&lt;clear/&gt;</c> drops everything so far. A site
/// with its own <c>&lt;bindings&gt;</c> therefore still inherits the defaults unless it clears or removes them, which
/// is how the IIS configuration reference describes it ("use a &lt;clear /&gt; element in the &lt;bindings&gt;
/// element of a &lt;site&gt; element to override the binding defaults inherited from ... &lt;siteDefaults&gt;").
/// </summary>
internal static class BindingCollectionMerge
{
    public static List<T> Apply<T>(IEnumerable<T> inherited, BindingsElement? own, Func<BindingEntry, T> create, Func<T, BindingKey> keyOf)
    {
        var result = new List<T>(inherited);
        if (own is null)
            return result;

        foreach (var entry in own.Entries)
        {
            switch (entry.Kind)
            {
                case BindingEntryKind.Clear:
                    result.Clear();
                    break;
                case BindingEntryKind.Remove:
                    var key = BindingKey.Of(entry.Protocol, entry.BindingInformation);
                    result.RemoveAll(item => keyOf(item) == key);
                    break;
                default:
                    result.Add(create(entry));
                    break;
            }
        }

        return result;
    }
}
