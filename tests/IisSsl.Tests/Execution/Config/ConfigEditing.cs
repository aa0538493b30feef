using System.Text;
using IisSsl.Execution;
using IisSsl.Execution.Config;
using IisSsl.Model;
using IisSsl.Sources;

namespace IisSsl.Tests.Execution.Config;

internal static class ConfigEditing
{
    public static ConfigEdit.AddBinding Add(string site, string bindingInformation, SslFlags flags = SslFlags.None, string protocol = "https") =>
        new(site, protocol, bindingInformation, flags);

    public static ConfigEdit.SetSslFlags SetFlags(string site, string bindingInformation, SslFlags flags, string protocol = "https") =>
        new(site, protocol, bindingInformation, flags);

    public static ConfigEdit.RemoveBinding Remove(string site, string bindingInformation, string protocol = "https") =>
        new(site, protocol, bindingInformation);

    /// <summary>Edits UTF-8 text without a byte order mark and returns the new text.</summary>
    public static string Edit(string text, params ConfigEdit[] edits) =>
        Encoding.UTF8.GetString(ApplicationHostConfigEditor.Apply(Encoding.UTF8.GetBytes(text), edits, "test.config"));

    public static string[] BindingsOf(string text, string site) =>
        [.. ApplicationHostConfigFile.Parse(Encoding.UTF8.GetBytes(text), "test.config").Sites.Single(s => s.Name == site).Bindings.Select(b => b.SslFlags == SslFlags.None ? b.ToString() : $"{b} ({(uint)b.SslFlags})")];

    /// <summary><paramref name="text"/> with <paramref name="inserted"/> placed right after the one occurrence of <paramref name="anchor"/>.</summary>
    public static string InsertedAfter(string text, string anchor, string inserted)
    {
        var at = text.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(anchor, at + 1, StringComparison.Ordinal) < 0, $"anchor '{anchor}' must occur once");
        return text.Insert(at + anchor.Length, inserted);
    }

    public static string Replaced(string text, string before, string after)
    {
        var at = text.IndexOf(before, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(before, at + 1, StringComparison.Ordinal) < 0, $"'{before}' must occur once");
        return text.Remove(at, before.Length).Insert(at, after);
    }
}
