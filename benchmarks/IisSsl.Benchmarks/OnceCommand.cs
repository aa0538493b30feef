using System.Diagnostics;
using System.Globalization;
using IisSsl.Cli;

namespace IisSsl.Benchmarks;

/// <summary>
/// <c>once xml|engine CONFIG SSLCERT CERTS [--default-gc]</c>: one bare XmlReader pass, or one
/// <see cref="IisSslEngine.Verify"/>, in this fresh process, and its milliseconds on standard output. Run from a
/// ReadyToRun build, it compares the two as a pipeline run meets them: cold, without the process start-up both share,
/// and with the CLI's batch setting (no collection until 256 MiB are allocated; src/IisSsl.Cli/BatchCollection.cs),
/// or with <c>--default-gc</c> the default GC, as a Cake or Nuke build process runs the engine.
/// </summary>
internal static class OnceCommand
{
    public static int Run(string[] args)
    {
        var defaultGc = args.Length == 5 && args[4] == "--default-gc";
        if (args.Length != (defaultGc ? 5 : 4) || args[0] is not ("xml" or "engine"))
        {
            Console.Error.WriteLine("usage: once xml|engine CONFIG SSLCERT CERTS [--default-gc]");
            return 2;
        }

        var (configPath, sslCertPath, certsPath) = (args[1], args[2], args[3]);
        if (!defaultGc)
            BatchCollection.DeferUntilBudgetSpent();
        var stopwatch = Stopwatch.StartNew();
        if (args[0] == "xml")
            XmlPass.CountBindingAttributes(configPath);
        else
            IisSslEngine.Verify(new VerifyOptions { IisConfigPath = configPath, SslCertPath = sslCertPath, CertificateFolders = [certsPath] });
        Console.WriteLine(stopwatch.Elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture));
        return 0;
    }
}
