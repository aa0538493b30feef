namespace IisSsl.Tests.Sources.Certificates;

/// <summary>A PFX password in an environment variable of its own, so parallel tests never share one.</summary>
internal sealed class PfxPassword : IDisposable
{
    public PfxPassword(string? value)
    {
        Variable = "IIS_SSL_TEST_PFX_" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        Value = value;
        Environment.SetEnvironmentVariable(Variable, value);
    }

    public string Variable { get; }

    public string? Value { get; }

    public void Dispose() => Environment.SetEnvironmentVariable(Variable, null);
}
