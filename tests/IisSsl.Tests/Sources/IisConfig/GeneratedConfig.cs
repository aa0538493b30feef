using System.Globalization;
using System.Security;

namespace IisSsl.Tests.Sources.IisConfig;

/// <summary>
/// A random applicationHost.config, one element per line: sites with http, https and other bindings, siteDefaults
/// with bindings, and (when asked) schema-extension elements and attributes in &lt;site&gt; and &lt;siteDefaults&gt;,
/// drawn from a second random stream so the sites and bindings are the same with and without them.
/// </summary>
internal sealed class GeneratedConfig
{
    private static readonly string[] ExtensionElements = ["ftpServer", "hsts", "limits", "logFile", "traceFailedRequestsLogging", "acmeRenewal", "applicationInitialization"];
    private static readonly string[] Protocols = ["http", "https", "https", "ftp", "net.tcp"];

    private readonly Random _structure;
    private readonly Random? _extensions;

    private GeneratedConfig(int seed, int? extensionSeed)
    {
        _structure = new Random(seed);
        _extensions = extensionSeed is { } e ? new Random(e) : null;
        Lines.Add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Lines.Add("<configuration>");
        Lines.Add("  <system.applicationHost>");
        Lines.Add("    <sites>");
        var sites = 1 + _structure.Next(5);
        var defaultsFirst = _structure.Next(2) == 0;
        if (defaultsFirst)
            AddSiteDefaults();
        for (var s = 1; s <= sites; s++)
            AddSite(s);
        if (!defaultsFirst)
            AddSiteDefaults();
        Lines.Add("    </sites>");
        Lines.Add("  </system.applicationHost>");
        Lines.Add("</configuration>");
    }

    public List<string> Lines { get; } = [];

    /// <summary>The site names, in document order.</summary>
    public List<string> SiteNames { get; } = [];

    /// <summary>Indexes (0-based) of the lines holding a &lt;binding&gt; of a site or of siteDefaults.</summary>
    public List<int> BindingLines { get; } = [];

    /// <summary>Indexes of the lines right after a &lt;bindings&gt; start tag, where an entry may be inserted.</summary>
    public List<int> EntryInsertionPoints { get; } = [];

    public static GeneratedConfig Create(int seed, int? extensionSeed = null) => new(seed, extensionSeed);

    public string Text => string.Join("\n", Lines) + "\n";

    /// <summary>A random XML name that is none of <paramref name="excluded"/> (ordinal, as XML names compare).</summary>
    public static string UnknownName(Random random, params string[] excluded)
    {
        while (true)
        {
            var length = 1 + random.Next(12);
            var name = new string([.. Enumerable.Range(0, length).Select(i => i == 0
                ? (char)(random.Next(2) == 0 ? 'a' + random.Next(26) : 'A' + random.Next(26))
                : "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-"[random.Next(65)])]);
            if (!excluded.Contains(name, StringComparer.Ordinal))
                return name;
        }
    }

    private void AddSite(int number)
    {
        var name = $"Site {number} {UnknownName(_structure)}";
        SiteNames.Add(name);
        Lines.Add($"      <site name=\"{SecurityElement.Escape(name)}\" id=\"{number}\"{ExtensionAttributes()}>");
        AddExtensions("        ");
        if (_structure.Next(4) != 0)
            AddBindings("        ", _structure.Next(4));
        AddExtensions("        ");
        Lines.Add("      </site>");
    }

    private void AddSiteDefaults()
    {
        Lines.Add($"      <siteDefaults{ExtensionAttributes()}>");
        AddExtensions("        ");
        if (_structure.Next(2) == 0)
            AddBindings("        ", _structure.Next(3));
        AddExtensions("        ");
        Lines.Add("      </siteDefaults>");
    }

    private void AddBindings(string indent, int count)
    {
        Lines.Add($"{indent}<bindings>");
        EntryInsertionPoints.Add(Lines.Count);
        for (var b = 0; b < count; b++)
        {
            var protocol = Protocols[_structure.Next(Protocols.Length)];
            var host = _structure.Next(3) == 0 ? string.Empty : $"h{_structure.Next(1000)}.example.com";
            var information = protocol.StartsWith("http", StringComparison.Ordinal)
                ? string.Create(CultureInfo.InvariantCulture, $"{(_structure.Next(3) == 0 ? "10.0.0." + _structure.Next(1, 255) : "*")}:{(_structure.Next(2) == 0 ? 443 : 8443)}:{host}")
                : "*:21:";
            var flags = _structure.Next(3) == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" sslFlags=\"{_structure.Next(4)}\"");
            BindingLines.Add(Lines.Count);
            Lines.Add($"{indent}  <binding protocol=\"{protocol}\" bindingInformation=\"{information}\"{flags} />");
        }

        Lines.Add($"{indent}</bindings>");
    }

    private string ExtensionAttributes()
    {
        if (_extensions is null)
            return string.Empty;
        var names = Enumerable.Range(0, _extensions.Next(3)).Select(_ => UnknownName(_extensions, "name", "id")).Distinct(StringComparer.Ordinal);
        return string.Concat(names.Select(n => $" {n}=\"{SecurityElement.Escape(UnknownName(_extensions))}\""));
    }

    /// <summary>
    /// Extension elements, sometimes with children of their own, including a nested &lt;bindings&gt; (FTP and other
    /// modules have collections of their own) that must not be read as the site's.
    /// </summary>
    private void AddExtensions(string indent)
    {
        if (_extensions is null)
            return;
        for (var i = _extensions.Next(3); i > 0; i--)
        {
            var name = _extensions.Next(2) == 0 ? ExtensionElements[_extensions.Next(ExtensionElements.Length)] : UnknownName(_extensions, "bindings");
            if (_extensions.Next(2) == 0)
            {
                Lines.Add($"{indent}<{name}{ExtensionAttributes()} />");
                continue;
            }

            Lines.Add($"{indent}<{name}{ExtensionAttributes()}>");
            Lines.Add($"{indent}  <bindings><binding protocol=\"https\" bindingInformation=\"*:990:trap.example.com\" /><{UnknownName(_extensions)} /></bindings>");
            Lines.Add($"{indent}  <{UnknownName(_extensions)}{ExtensionAttributes()} />");
            Lines.Add($"{indent}</{name}>");
        }
    }
}
