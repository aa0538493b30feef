using IisSsl.Model;

namespace IisSsl.Sources.IisConfig;

/// <summary>
/// Builds a <see cref="Binding"/> from the attributes of a <c>&lt;binding&gt;</c> element. Bad text is never an
/// exception: the binding carries a <see cref="Binding.Problem"/> and the analysis reports it.
/// </summary>
public static class BindingFactory
{
    public static Binding Create(string? protocol, string? bindingInformation, string? sslFlags, SourceLocation? location) =>
        Create(protocol, bindingInformation, sslFlags, location, null);

    /// <summary>As <see cref="Create(string?, string?, string?, SourceLocation?)"/>, sharing the endpoints and host names in <paramref name="parts"/>, already parsed from the same file.</summary>
    internal static Binding Create(string? protocol, string? bindingInformation, string? sslFlags, SourceLocation? location, BindingPartsCache? parts) =>
        Create(Canonical(protocol), new OptionalText(bindingInformation), new OptionalText(sslFlags), location, parts);

    /// <summary>A binding from the attribute values the reader is on: no string is made of a value the binding does not keep.</summary>
    internal static Binding Create(EntryAttributes attributes, SourceLocation location, BindingPartsCache parts) =>
        Create(Canonical(attributes.Protocol), new OptionalText(attributes.BindingInformation), new OptionalText(attributes.SslFlags), location, parts);

    private static Binding Create(string? protocol, OptionalText information, OptionalText sslFlags, SourceLocation? location, BindingPartsCache? parts)
    {
        SslFlagsParser.TryParse(sslFlags, out var flags, out var flagsProblem);
        if (string.IsNullOrWhiteSpace(protocol))
            return new Binding(protocol ?? string.Empty, information.ToString(), null, null, flags, location, "the binding has no protocol attribute");

        if (!information.IsPresent)
            return new Binding(protocol, string.Empty, null, null, flags, location, $"the {protocol} binding has no bindingInformation attribute");

        if (!IsHttpOrHttps(protocol))
            return new Binding(protocol, information.ToString(), null, null, flags, location, flagsProblem);

        if (!BindingInformationParser.TryParse(information.Chars, parts, out var endpoint, out var host, out var problem))
            return new Binding(protocol, information.ToString(), null, null, flags, location, problem);

        return BindingInformationParser.IsWrittenAs(information.Chars, endpoint, host, parts)
            ? Binding.WrittenAsParsed(protocol, endpoint, host, flags, location, flagsProblem)
            : new Binding(protocol, information.ToString(), endpoint, host, flags, location, flagsProblem);
    }

    /// <summary>The one "http" and "https" string: <see cref="Binding.IsHttps"/>, asked per binding, then compares references.</summary>
    private static string? Canonical(string? protocol) => protocol switch
    {
        "https" => "https",
        "http" => "http",
        _ => protocol,
    };

    private static string? Canonical(AttributeText protocol) => protocol.Text switch
    {
        _ when !protocol.IsPresent => null,
        "https" => "https",
        "http" => "http",
        var text => text.ToString(),
    };

    private static bool IsHttpOrHttps(string protocol) =>
        protocol.Equals("http", StringComparison.OrdinalIgnoreCase) || protocol.Equals("https", StringComparison.OrdinalIgnoreCase);
}
