using System.Globalization;
using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>The phrases findings share, so every message names things the same way.</summary>
internal static class Describe
{
    private const int MaxListedNames = 10;

    /// <summary><c>CN=a.com (thumbprint AB12…, names a.com, www.a.com)</c>.</summary>
    public static string Certificate(CertificateInfo certificate) =>
        $"{certificate.Subject} (thumbprint {certificate.Thumbprint}, names {Names(certificate.DnsNames, "none (no DNS SAN)")})";

    /// <summary>A short list for a message: the first few names, then how many more.</summary>
    public static string Names(IReadOnlyCollection<string> names, string whenEmpty = "none")
    {
        if (names.Count == 0)
            return whenEmpty;
        var shown = string.Join(", ", names.Take(MaxListedNames));
        return names.Count > MaxListedNames ? $"{shown} and {names.Count - MaxListedNames} more" : shown;
    }

    public static string Host(HostName? host) => host?.Value ?? "the catch-all binding (no host name)";

    public static string Date(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Binding(Binding binding) =>
        binding.Location is null ? $"{binding.Protocol.ToLowerInvariant()} '{binding.BindingInformation}'"
            : $"{binding.Protocol.ToLowerInvariant()} '{binding.BindingInformation}' ({binding.Location})";
}
