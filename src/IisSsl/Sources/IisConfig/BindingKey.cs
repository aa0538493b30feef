using IisSsl.Model;

namespace IisSsl.Sources.IisConfig;

/// <summary>
/// A binding's identity within its site: (protocol, bindingInformation), IIS's combined collection key.
/// Protocols compare case-insensitively; http/https binding texts compare by their parsed endpoint and normalised
/// host (so <c>*:443:WWW.Bücher.example</c> and <c>0.0.0.0:443:www.xn--bcher-kva.example</c> are the same binding),
/// any other text case-insensitively.
/// </summary>
public readonly record struct BindingKey(string Protocol, string Information)
{
    public static BindingKey Of(string? protocol, string? bindingInformation)
    {
        var normalisedProtocol = (protocol ?? string.Empty).ToLowerInvariant();
        var information = bindingInformation ?? string.Empty;
        if (normalisedProtocol is "http" or "https"
            && BindingInformationParser.TryParse(information, out var endpoint, out var host, out _))
        {
            return new BindingKey(normalisedProtocol, BindingInformationParser.Format(endpoint, host));
        }

        return new BindingKey(normalisedProtocol, information.ToLowerInvariant());
    }

    public static BindingKey Of(Binding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return Of(binding.Protocol, binding.BindingInformation);
    }

    public override string ToString() => $"{Protocol}/{Information}";
}
