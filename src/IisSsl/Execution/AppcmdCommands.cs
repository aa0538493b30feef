namespace IisSsl.Execution;

/// <summary>The <c>appcmd set site</c> line equivalent to a <see cref="ConfigEdit"/> (reference §6.1), for review.</summary>
public static class AppcmdCommands
{
    private const string Appcmd = @"%windir%\system32\inetsrv\appcmd.exe";

    public static string Line(ConfigEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var site = $"{Appcmd} set site /site.name:\"{edit.SiteName}\"";
        return edit switch
        {
            ConfigEdit.AddBinding add when add.SslFlags == 0 => $"{site} /+bindings.[{Key(add.Protocol, add.BindingInformation)}]",
            ConfigEdit.AddBinding add => $"{site} /+bindings.[{Key(add.Protocol, add.BindingInformation)},sslFlags='{(uint)add.SslFlags}']",
            ConfigEdit.SetSslFlags set => $"{site} /bindings.[{Key(set.Protocol, set.BindingInformation)}].sslFlags:{(uint)set.SslFlags}",
            ConfigEdit.RemoveBinding remove => $"{site} /-bindings.[{Key(remove.Protocol, remove.BindingInformation)}]",
            _ => throw new ArgumentOutOfRangeException(nameof(edit), edit, "Unknown configuration edit."),
        };
    }

    private static string Key(string protocol, string bindingInformation) =>
        $"protocol='{protocol}',bindingInformation='{bindingInformation}'";
}
