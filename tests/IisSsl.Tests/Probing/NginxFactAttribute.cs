namespace IisSsl.Tests.Probing;

/// <summary>
/// A test that needs nginx: skipped with the reason when nginx is missing on a developer machine, but run (and
/// failing) when <c>CI=true</c>, so CI never skips it silently.
/// </summary>
public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute()
    {
        if (NginxServer.Executable is null && !NginxServer.IsCi)
            Skip = "nginx is not installed (apt-get install -y nginx-light); with CI=true this test fails instead.";
    }
}
