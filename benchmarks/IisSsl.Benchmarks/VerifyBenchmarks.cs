using System.Xml;
using BenchmarkDotNet.Attributes;
using IisSsl.Benchmarks.Generator;

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
}
