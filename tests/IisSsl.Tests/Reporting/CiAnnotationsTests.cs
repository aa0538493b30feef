using IisSsl.Reporting;

namespace IisSsl.Tests.Reporting;

public sealed class CiAnnotationsTests
{
    private static string[] Write(VerificationReport report, params (string Name, string Value)[] environment)
    {
        using var writer = new StringWriter();
        CiAnnotations.Write(report, writer, name => environment.FirstOrDefault(e => e.Name == name).Value);
        return writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void GitHub_actions_get_workflow_commands_with_the_code_as_title()
    {
        var lines = Write(SampleReports.Seed(), ("GITHUB_ACTIONS", "true"));

        Assert.Equal(
            [
                "::error file=applicationHost.config,line=20,title=HostNotCovered::sitev2.mysite.com is not covered by CN=sitev1.mysite.com.",
                "::warning title=SniWithoutFallback::No fallback on *:8443.",
            ],
            lines);
    }

    [Fact]
    public void Azure_pipelines_get_logissue_commands()
    {
        var lines = Write(SampleReports.Seed(), ("TF_BUILD", "True"));

        Assert.Equal(
            [
                "##vso[task.logissue type=error;sourcepath=applicationHost.config;linenumber=20;code=HostNotCovered]sitev2.mysite.com is not covered by CN=sitev1.mysite.com.",
                "##vso[task.logissue type=warning;code=SniWithoutFallback]No fallback on *:8443.",
            ],
            lines);
    }

    [Fact]
    public void Nothing_is_written_outside_ci() =>
        Assert.Empty(Write(SampleReports.Seed(), ("GITHUB_ACTIONS", "false")));

    [Fact]
    public void GitHub_escaping_keeps_one_command_per_finding()
    {
        var line = Assert.Single(Write(SampleReports.Hostile_(), ("GITHUB_ACTIONS", "true")));

        Assert.StartsWith("::error file=C%3A/inetpub/app host%2C1%3Ax.config,line=7,title=NoCertificateBound::Message ", line, StringComparison.Ordinal);
        Assert.Contains("%2525%0D%0A::error ::pwn", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_escaping_keeps_one_command_per_finding()
    {
        var line = Assert.Single(Write(SampleReports.Hostile_(), ("TF_BUILD", "True")));

        Assert.StartsWith("##vso[task.logissue type=error;sourcepath=C:/inetpub/app host,1:x.config;linenumber=7;code=NoCertificateBound]Message ", line, StringComparison.Ordinal);
        Assert.Contains("%AZP2525%0D%0A::error ::pwn;]##vso", line, StringComparison.Ordinal);
    }
}
