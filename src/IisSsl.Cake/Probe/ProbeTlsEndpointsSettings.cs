using Cake.Core.IO;

namespace IisSsl.Cake;

/// <summary>Settings for <see cref="IisSslAliases.ProbeTlsEndpoints(global::Cake.Core.ICakeContext, ProbeTlsEndpointsSettings)"/>.</summary>
public sealed class ProbeTlsEndpointsSettings : ReportSettings
{
    /// <summary><c>IP:PORT</c> targets (<c>--targets</c>): every node of a web farm.</summary>
    public IList<string> Targets { get; } = [];

    /// <summary>Host names to ask for with SNI (<c>--hosts</c>).</summary>
    public IList<string> Hosts { get; } = [];

    /// <summary>Take targets and host names from this applicationHost.config instead (<c>--iis-config</c>).</summary>
    public FilePath? IisConfig { get; set; }

    /// <summary>The address to dial for bindings on <c>*</c> when targets come from <see cref="IisConfig"/> (<c>--connect</c>).</summary>
    public string? Connect { get; set; }

    /// <summary>Only handshake without SNI (<c>--no-sni</c>).</summary>
    public bool NoSni { get; set; }

    /// <summary>Per-connection timeout (<c>--timeout</c>, in seconds on the command line).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Handshakes in flight at once (<c>--concurrency</c>).</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>PEM bundle of trusted roots (<c>--ca-bundle</c>); unset = the system's roots.</summary>
    public FilePath? CaBundle { get; set; }

    /// <summary>Also GET / with the Host header and expect this status (<c>--expect-status</c>).</summary>
    public int? ExpectStatus { get; set; }

    /// <summary>Also GET / with the Host header and expect the body to contain this text (<c>--expect-body</c>).</summary>
    public string? ExpectBody { get; set; }
}
