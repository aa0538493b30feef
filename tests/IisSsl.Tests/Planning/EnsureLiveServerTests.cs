using System.Security.Cryptography.X509Certificates;
using IisSsl.Execution;
using IisSsl.Model;
using IisSsl.Planning;
using IisSsl.Sources;
using IisSsl.TestSupport;
using NSubstitute;

namespace IisSsl.Tests.Planning;

/// <summary>
/// apply against a live machine (no --sslcert): the netsh commands and the certificate import, through substituted
/// executors. What a real Windows server would do with them is not exercised here.
/// </summary>
public sealed class EnsureLiveServerTests : IDisposable
{
    private const string PasswordVariable = "IIS_SSL_ENSURE_LIVE_TESTS_PFX_PASSWORD";
    private static readonly X509Certificate2 San = TestCertificate.For("sitev1.mysite.com", "sitev2.mysite.com").Create();

    private readonly TempDirectory _temp = new();
    private readonly List<HttpSysEdit> _executed = [];
    private readonly List<string> _imported = [];
    private readonly IHttpSysExecutor _executor = Substitute.For<IHttpSysExecutor>();
    private readonly ICertificateImporter _importer = Substitute.For<ICertificateImporter>();
    private HttpSysState _live = HttpSysState.Empty("netsh http show sslcert");

    public EnsureLiveServerTests()
    {
        Environment.SetEnvironmentVariable(PasswordVariable, "live");
        File.Copy(RepositoryPaths.Sample("ensure-from-http", "applicationHost.config"), _temp.Combine("applicationHost.config"));
        CertificateFiles.WritePfx(San, _temp.Combine("san.pfx"), "live");
        _executor.When(e => e.Apply(Arg.Any<HttpSysEdit>())).Do(call =>
        {
            var edit = call.Arg<HttpSysEdit>();
            _executed.Add(edit);
            var records = _live.Bindings.Where(r => r.Key != edit.Record.Key).ToList();
            if (edit is not HttpSysEdit.Delete)
                records.Add(edit.Record);
            _live = _live with { Bindings = records };
        });
        _importer.When(i => i.Import(Arg.Any<CertificateImport>())).Do(call => _imported.Add(call.Arg<CertificateImport>().Thumbprint));
    }

    public void Dispose() => _temp.Dispose();

    private EnsureResult Apply(Action<string>? checkpoint = null)
    {
        var manifest = _temp.Write("manifest.json", $$"""
            { "certificates": { "san": { "file": "san.pfx", "passwordEnv": "{{PasswordVariable}}" } },
              "sites": [ { "name": "MySite V1", "hostNames": ["sitev1.mysite.com"], "certificate": "san", "sni": "always" },
                         { "name": "MySite V2", "hostNames": ["sitev2.mysite.com"], "certificate": "san", "sni": "always" } ] }
            """);
        var source = Substitute.For<IHttpSysSource>();
        source.Read().Returns(_ => _live);
        var services = EnsureServices.Default with
        {
            Live = () => new LiveServer(source, _executor, _importer),
            CertificateSources = _ => [],
            Checkpoint = checkpoint,
        };
        return EnsureWorkflow.Run(new EnsureOptions { ManifestPath = manifest, IisConfigPath = _temp.Combine("applicationHost.config") }, apply: true, services);
    }

    [Fact]
    public void The_pfx_is_imported_and_each_host_gets_its_netsh_record_before_the_bindings_exist()
    {
        var result = Apply();

        Assert.Equal(EnsureOutcome.Applied, result.Outcome);
        Assert.Equal([San.Thumbprint], _imported);
        Assert.Equal(["hostnameport=sitev1.mysite.com:443", "hostnameport=sitev2.mysite.com:443"], _executed.Select(e => e.Record.Key));
        Assert.All(_executed, e => Assert.IsType<HttpSysEdit.Add>(e));
        Assert.Equal(["import", "hostnameport=sitev1", "hostnameport=sitev2", "applicationHost.config"],
            result.Messages.Where(m => m.StartsWith("done: ", StringComparison.Ordinal)).Select(Step));
    }

    [Fact]
    public void A_failure_after_the_netsh_changes_deletes_the_records_again_and_removes_the_import()
    {
        var result = Apply(step => { if (step.StartsWith("before write", StringComparison.Ordinal)) throw new ExecutionFailedException("injected"); });

        Assert.Equal(EnsureOutcome.RolledBack, result.Outcome);
        Assert.Empty(_live.Bindings);
        Assert.Equal(2, _executed.OfType<HttpSysEdit.Delete>().Count());
        _importer.Received(1).Remove(San.Thumbprint, "MY");
    }

    private static string Step(string message) =>
        message.Contains("import", StringComparison.Ordinal) ? "import"
        : message.Contains("hostnameport=", StringComparison.Ordinal) ? message[(message.IndexOf("hostnameport=", StringComparison.Ordinal))..][..19]
        : Path.GetFileName(message);
}
