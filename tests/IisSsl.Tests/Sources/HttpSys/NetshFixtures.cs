using IisSsl.TestSupport;

namespace IisSsl.Tests.Sources.HttpSys;

/// <summary>Recorded <c>netsh http show sslcert</c> outputs under tests/IisSsl.Tests/Fixtures/Netsh (byte-exact).</summary>
internal static class NetshFixtures
{
    public static string Path(string name) => System.IO.Path.Combine(RepositoryPaths.Root, "tests", "IisSsl.Tests", "Fixtures", "Netsh", name);

    public static string Text(string name) => File.ReadAllText(Path(name));
}
