using IisSsl.Model;
using IisSsl.Sources.IisConfig;

namespace IisSsl.Execution.Config;

internal enum BindingOrigin
{
    /// <summary>From <c>siteDefaults</c>; the site's own collection holds no element for it.</summary>
    Inherited,

    /// <summary>A <c>&lt;binding&gt;</c> element of the site's own collection, already in the file.</summary>
    Own,

    /// <summary>Added by an edit; not in the file yet.</summary>
    New,
}

/// <summary>One effective binding of a site while edits are planned.</summary>
internal sealed class PlannedBinding(BindingKey key, string protocol, string information, SslFlags flags, BindingOrigin origin, BindingEntry? entry)
{
    public BindingKey Key { get; } = key;

    public string Protocol { get; } = protocol;

    public string Information { get; } = information;

    public SslFlags Flags { get; set; } = flags;

    public bool FlagsChanged { get; set; }

    public BindingOrigin Origin { get; } = origin;

    /// <summary>The element in the file (for <see cref="BindingOrigin.Own"/> and <see cref="BindingOrigin.Inherited"/>).</summary>
    public BindingEntry? Entry { get; } = entry;

    public static PlannedBinding From(BindingEntry entry, BindingOrigin origin)
    {
        SslFlagsParser.TryParse(entry.SslFlags, out var flags, out _);
        return new PlannedBinding(
            BindingKey.Of(entry.Protocol, entry.BindingInformation),
            entry.Protocol ?? string.Empty,
            entry.BindingInformation ?? string.Empty,
            flags,
            origin,
            entry);
    }

    public override string ToString() => $"{Protocol}/{Information}";
}
