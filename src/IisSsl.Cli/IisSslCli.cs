using System.CommandLine;

namespace IisSsl.Cli;

/// <summary>The <c>iis-ssl</c> command line: one sub-command per engine entry point.</summary>
public static class IisSslCli
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Verify, plan, apply and probe IIS HTTPS host-header bindings and their certificates.");
        var config = new InvocationConfiguration { Output = output, Error = error };
        return root.Parse(args).Invoke(config);
    }
}
