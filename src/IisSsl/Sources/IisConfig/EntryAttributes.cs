namespace IisSsl.Sources.IisConfig;

/// <summary>The attributes of one <c>&lt;binding&gt;</c>, <c>&lt;remove&gt;</c> or <c>&lt;clear&gt;</c> entry, valid until the reader moves on.</summary>
internal sealed class EntryAttributes
{
    public AttributeText Protocol { get; } = new();

    public AttributeText BindingInformation { get; } = new();

    public AttributeText SslFlags { get; } = new();

    public void Clear()
    {
        Protocol.Clear();
        BindingInformation.Clear();
        SslFlags.Clear();
    }
}
