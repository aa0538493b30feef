using System.Globalization;
using System.Text;
using System.Xml;

namespace IisSsl.Benchmarks.Generator;

/// <summary>Writes an applicationHost.config shaped like IIS's own (see samples/seed-two-sites), streaming.</summary>
internal static class ApplicationHostConfigWriter
{
    public static void Write(string path, IReadOnlyList<PlannedSite> sites)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "    ", Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), NewLineChars = "\r\n" };
        using var xml = XmlWriter.Create(path, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("configuration");

        xml.WriteStartElement("configSections");
        xml.WriteStartElement("sectionGroup");
        xml.WriteAttributeString("name", "system.applicationHost");
        foreach (var section in new[] { "applicationPools", "sites", "webLimits" })
        {
            xml.WriteStartElement("section");
            xml.WriteAttributeString("name", section);
            xml.WriteAttributeString("allowDefinition", "AppHostOnly");
            xml.WriteAttributeString("overrideModeDefault", "Deny");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("system.applicationHost");
        xml.WriteStartElement("applicationPools");
        xml.WriteStartElement("add");
        xml.WriteAttributeString("name", "DefaultAppPool");
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("sites");
        foreach (var site in sites)
            WriteSite(xml, site);
        xml.WriteStartElement("siteDefaults");
        xml.WriteStartElement("logFile");
        xml.WriteAttributeString("logFormat", "W3C");
        xml.WriteAttributeString("directory", @"%SystemDrive%\inetpub\logs\LogFiles");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("applicationDefaults");
        xml.WriteAttributeString("applicationPool", "DefaultAppPool");
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("webLimits");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteSite(XmlWriter xml, PlannedSite site)
    {
        xml.WriteStartElement("site");
        xml.WriteAttributeString("name", site.Name);
        xml.WriteAttributeString("id", site.Id.ToString(CultureInfo.InvariantCulture));
        xml.WriteStartElement("application");
        xml.WriteAttributeString("path", "/");
        xml.WriteStartElement("virtualDirectory");
        xml.WriteAttributeString("path", "/");
        xml.WriteAttributeString("physicalPath", @"D:\sites\" + site.Name);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("bindings");
        foreach (var binding in site.Bindings)
        {
            xml.WriteStartElement("binding");
            xml.WriteAttributeString("protocol", binding.Protocol);
            xml.WriteAttributeString("bindingInformation", binding.BindingInformation);
            if (binding.Sni)
                xml.WriteAttributeString("sslFlags", "1");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
