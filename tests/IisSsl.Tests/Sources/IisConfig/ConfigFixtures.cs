using System.Globalization;
using System.Text;
using IisSsl.Model;
using IisSsl.Sources;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Sources.IisConfig;

/// <summary>The hand-written applicationHost.config fixtures and generated variants of them.</summary>
internal static class ConfigFixtures
{
    public const string Server = "server-applicationHost.config";
    public const string IisExpress = "iisexpress-applicationhost.config";
    public const string BindingShapes = "binding-shapes.config";
    public const string Inheritance = "inheritance.config";
    public const string Malformed = "malformed.config";
    public const string Dtd = "dtd.config";
    public const string SchemaExtensions = "schema-extensions.config";

    public static string PathOf(string name) =>
        System.IO.Path.Combine(RepositoryPaths.Root, "tests", "IisSsl.Tests", "Fixtures", "IisConfig", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static IisConfiguration Read(string name) => new ApplicationHostConfigFile(PathOf(name)).Read();

    public static IisConfiguration Parse(string xml) => ApplicationHostConfigFile.Parse(Encoding.UTF8.GetBytes(xml), "test.config");

    public static Site Site(this IisConfiguration configuration, string name) => configuration.Sites.Single(s => s.Name == name);

    public static Binding Binding(this Site site, string bindingInformation) =>
        site.Bindings.Single(b => b.BindingInformation == bindingInformation);

    /// <summary>A config with <paramref name="sites"/> sites of <paramref name="bindingsPerSite"/> https bindings each, IIS-style CRLF.</summary>
    public static string Large(int sites, int bindingsPerSite)
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<configuration>\r\n  <system.applicationHost>\r\n    <sites>\r\n");
        for (var s = 1; s <= sites; s++)
        {
            text.Append(CultureInfo.InvariantCulture, $"      <site name=\"Site {s}\" id=\"{s}\">\r\n        <application path=\"/\" />\r\n        <bindings>\r\n");
            for (var b = 1; b <= bindingsPerSite; b++)
                text.Append(CultureInfo.InvariantCulture, $"          <binding protocol=\"https\" bindingInformation=\"*:443:h{b}.site{s}.example.com\" sslFlags=\"1\" />\r\n");
            text.Append("        </bindings>\r\n      </site>\r\n");
        }

        return text.Append("    </sites>\r\n  </system.applicationHost>\r\n</configuration>\r\n").ToString();
    }
}
