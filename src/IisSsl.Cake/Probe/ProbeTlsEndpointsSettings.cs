using Cake.Core.IO;

namespace IisSsl.Cake;

/// <summary>Settings for <see cref="IisSslAliases.ProbeTlsEndpoints(global::Cake.Core.ICakeContext, ProbeTlsEndpointsSettings)"/>.</summary>
public sealed class ProbeTlsEndpointsSettings : ReportSettings
{
    /// <summary><c>IP:PORT</c> targets: every node of a web farm.</summary>
    public IList<string> Targets { get; } = [];

    /// <summary>Host names to ask for with SNI.</summary>
    public IList<string> Hosts { get; } = [];

    /// <summary>Take targets and host names from this applicationHost.config instead.</summary>
    public FilePath? IisConfig { get; set; }

    /// <summary>The address to dial for bindings on <c>*</c> when targets come from <see cref="IisConfig"/>.</summary>
    public string? ConnectAddress { get; set; }

    /// <summary>Only handshake without SNI.</summary>
    public bool NoSniOnly { get; set; }

    /// <summary>Per-connection timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Handshakes in flight at once.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>PEM bundle of trusted roots; unset = the system's roots.</summary>
    public FilePath? CaBundle { get; set; }

    /// <summary>Also GET / with the Host header and expect this status.</summary>
    public int? ExpectStatus { get; set; }

    /// <summary>Also GET / with the Host header and expect the body to contain this text.</summary>
    public string? ExpectBodyContains { get; set; }
}
