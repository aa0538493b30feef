namespace IisSsl.Execution;

/// <summary>The <c>appcmd set site</c> line equivalent to a <see cref="ConfigEdit"/> (reference §6.1), for review.</summary>
public static class AppcmdCommands
{
    private const string Appcmd = @"%windir%\system32\inetsrv\appcmd.exe";

    private const string PowerShellAppcmd = @"""$env:windir\system32\inetsrv\appcmd.exe""";

    /// <summary>The line for <paramref name="shell"/>: cmd.exe as <see cref="Line(ConfigEdit)"/>; PowerShell with every argument a literal.</summary>
    public static string Line(ConfigEdit edit, CommandShell shell) =>
        shell == CommandShell.PowerShell ? ShellLine.PowerShell(PowerShellAppcmd, Arguments(edit)) : Line(edit);

    /// <summary>The arguments appcmd receives (what either shell's line passes to it).</summary>
    public static IReadOnlyList<string> Arguments(ConfigEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var site = $"/site.name:{edit.SiteName}";
        var change = edit switch
        {
            ConfigEdit.AddBinding add when add.SslFlags == 0 => $"/+bindings.[{Key(add.Protocol, add.BindingInformation)}]",
            ConfigEdit.AddBinding add => $"/+bindings.[{Key(add.Protocol, add.BindingInformation)},sslFlags='{(uint)add.SslFlags}']",
            ConfigEdit.SetSslFlags set => $"/bindings.[{Key(set.Protocol, set.BindingInformation)}].sslFlags:{(uint)set.SslFlags}",
            ConfigEdit.RemoveBinding remove => $"/-bindings.[{Key(remove.Protocol, remove.BindingInformation)}]",
            _ => throw new ArgumentOutOfRangeException(nameof(edit), edit, "Unknown configuration edit."),
        };
        return ["set", "site", site, change];
    }

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
