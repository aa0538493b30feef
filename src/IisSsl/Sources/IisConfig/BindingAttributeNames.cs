using System.Xml;

namespace IisSsl.Sources.IisConfig;

/// <summary>
/// The attribute names a binding entry may carry, as the reader's atomised strings: a name read from the file is
/// one of them exactly when it is the same object, so checking every attribute of every binding allocates nothing.
/// </summary>
internal sealed class BindingAttributeNames(XmlNameTable names)
{
    public string Protocol { get; } = names.Add("protocol");

    public string BindingInformation { get; } = names.Add("bindingInformation");

    public string SslFlags { get; } = names.Add("sslFlags");

    // IIS's configuration system accepts these on any element, collection items included.
    private readonly string _lockAttributes = names.Add("lockAttributes");
    private readonly string _lockAllAttributesExcept = names.Add("lockAllAttributesExcept");
    private readonly string _lockElements = names.Add("lockElements");
    private readonly string _lockAllElementsExcept = names.Add("lockAllElementsExcept");
    private readonly string _lockItem = names.Add("lockItem");

    public bool IsLockAttribute(string name) =>
        (object)name == _lockItem || (object)name == _lockAttributes || (object)name == _lockAllAttributesExcept
        || (object)name == _lockElements || (object)name == _lockAllElementsExcept;
}
