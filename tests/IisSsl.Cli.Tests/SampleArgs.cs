using IisSsl.TestSupport;

namespace IisSsl.Cli.Tests;

internal static class SampleArgs
{
    public static string[] Verify(string sample, params string[] more) =>
    [
        "verify",
        "--config", RepositoryPaths.Sample(sample, "applicationHost.config"),
        "--sslcert", RepositoryPaths.Sample(sample, "sslcert.txt"),
        "--certs", RepositoryPaths.Sample(sample, "certs"),
        .. more,
    ];
}
