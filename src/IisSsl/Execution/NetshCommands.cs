using IisSsl.Model;

namespace IisSsl.Execution;

/// <summary>
/// The <c>netsh http … sslcert</c> command lines for <see cref="HttpSysEdit"/>s (reference §6.2), both as the argument
/// list the executor runs and as the line a reviewer reads in a plan.
/// </summary>
public static class NetshCommands
{
    public const string Program = "netsh";

    /// <summary>netsh parameters for the record fields kept in <see cref="SslCertBinding.Settings"/> (by their netsh labels).</summary>
    private static readonly (string Label, string Parameter)[] SettingParameters =
    [
        ("Verify Client Certificate Revocation", "verifyclientcertrevocation"),
        ("Verify Revocation Using Cached Client Certificate Only", "verifyrevocationwithcachedclientcertonly"),
        ("Usage Check", "usagecheck"),
        ("DS Mapper Usage", "dsmapperusage"),
        ("Negotiate Client Certificate", "clientcertnegotiation"),
        ("Reject Connections", "reject"),
        ("Disable HTTP2", "disablehttp2"),
        ("Disable QUIC", "disablequic"),
        ("Disable TLS1.2", "disabletls12"),
        ("Disable TLS1.3", "disabletls13"),
        ("Disable OCSP Stapling", "disableocspstapling"),
        ("Disable Legacy TLS Versions", "disablelegacytls"),
        ("Enable Session Ticket", "enablesessionticket"),
    ];

    public static IReadOnlyList<string> Arguments(HttpSysEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return edit switch
        {
            HttpSysEdit.Add add => ["http", "add", "sslcert", .. RecordArguments(add.Record)],
            HttpSysEdit.Update update => ["http", "update", "sslcert", .. RecordArguments(update.Record)],
            _ => ["http", "delete", "sslcert", edit.Record.Key],
        };
    }

    /// <summary>The same command as a reviewer would paste it into an elevated prompt (cmd.exe).</summary>
    public static string Line(HttpSysEdit edit) => Program + " " + string.Join(' ', Arguments(edit));

    /// <summary>The line for <paramref name="shell"/>: in PowerShell every argument is a literal (<c>appid={…}</c> would be a script block).</summary>
    public static string Line(HttpSysEdit edit, CommandShell shell) =>
        shell == CommandShell.PowerShell ? ShellLine.PowerShell(Program, Arguments(edit)) : Line(edit);

    /// <summary>The add/update form of <paramref name="record"/> (useful to recreate a deleted record).</summary>
    public static IReadOnlyList<string> RecordArguments(SslCertBinding record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var arguments = new List<string> { record.Key };
        if (record.Kind != SslCertBindingKind.CentralCertificateStore && !string.IsNullOrEmpty(record.Thumbprint))
            arguments.Add("certhash=" + record.Thumbprint);
        arguments.Add("appid=" + record.AppId.ToString("B"));
        if (record.Kind != SslCertBindingKind.CentralCertificateStore)
            arguments.Add("certstorename=" + (string.IsNullOrEmpty(record.StoreName) ? "MY" : record.StoreName));
        foreach (var (label, parameter) in SettingParameters)
        {
            var value = record.Settings.FirstOrDefault(s => string.Equals(s.Key, label, StringComparison.OrdinalIgnoreCase)).Value;
            var switchValue = value?.Trim().ToUpperInvariant() switch
            {
                "ENABLED" or "SET" or "TRUE" => "enable",
                "DISABLED" or "FALSE" => "disable",
                _ => null,
            };
            if (switchValue is not null)
                arguments.Add($"{parameter}={switchValue}");
        }

        return arguments;
    }
}
