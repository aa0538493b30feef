using System.Runtime;
using System.Xml;
using BenchmarkDotNet.Attributes;
using IisSsl.Benchmarks.Generator;
using IisSsl.Cli;

namespace IisSsl.Benchmarks;

/// <summary>
/// The engine's verify (read config, HTTP.SYS text and referenced certificates, analyse) against the parse limit: a
/// bare <see cref="XmlReader"/> pass over the same applicationHost.config that touches every binding attribute.
/// Goal: <see cref="EngineVerify"/> within 2x <see cref="BareXmlReaderPass"/> at every size, growing linearly.
/// </summary>
[MemoryDiagnoser]
public class VerifyBenchmarks
{
    private GeneratedServerState _state = null!;
    private VerifyOptions _options = null!;

    [Params(100, 1_000, 10_000)]
    public int Sites { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _state = GeneratedStates.For(Sites);
        _options = new VerifyOptions
        {
            IisConfigPath = _state.ConfigPath,
            SslCertPath = _state.SslCertPath,
            CertificateFolders = [_state.CertificatesPath],
        };
    }

    [Benchmark(Baseline = true)]
    public int BareXmlReaderPass() => XmlPass.CountBindingAttributes(_state.ConfigPath);

    [Benchmark]
    public int EngineVerify() => IisSslEngine.Verify(_options).Findings.Count;

    /// <summary>
    /// The engine as the CLI runs it: no collection until the batch budget is spent (src/IisSsl.Cli/BatchCollection.cs).
    /// Each operation starts the no-GC region (which first collects what earlier operations left) and ends it.
    /// </summary>
    [Benchmark]
    public int EngineVerifyAsTheCliRunsIt()
    {
        BatchCollection.DeferUntilBudgetSpent();
        try
        {
            return IisSslEngine.Verify(_options).Findings.Count;
        }
        finally
        {
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
                GC.EndNoGCRegion();
        }
    }
}
