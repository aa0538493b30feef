using IisSsl.Analysis;
using IisSsl.Execution;
using IisSsl.Nuke.CompileCheck.NukeReading;
using IisSsl.Planning;
using IisSsl.Reporting;
using Nuke.Common;
using Serilog;
using Serilog.Events;

namespace IisSsl.Nuke.CompileCheck;

public sealed class TargetTests
{
    private static readonly VerificationReport Clean = new([], []);

    [Fact]
    public void Verify_runs_after_ensure_and_replace_and_probe_after_all_three()
    {
        var build = new TestBuild();

        var verify = RecordingTargetDefinition.Of(((IVerifyCertCoverage)build).VerifyCertCoverage);
        var probe = RecordingTargetDefinition.Of(((IProbeTlsEndpoints)build).ProbeTlsEndpoints);
        var ensure = RecordingTargetDefinition.Of(((IEnsureSslHostHeaders)build).EnsureSslHostHeaders);
        var replace = RecordingTargetDefinition.Of(((IReplaceSslCertificate)build).ReplaceSslCertificate);

        Assert.Equal([typeof(IEnsureSslHostHeaders), typeof(IReplaceSslCertificate)], verify.RunsAfter);
        Assert.Equal([typeof(IEnsureSslHostHeaders), typeof(IReplaceSslCertificate), typeof(IVerifyCertCoverage)], probe.RunsAfter);
        Assert.Empty(ensure.RunsAfter);
        Assert.Empty(replace.RunsAfter);
    }

    [Fact]
    public void Every_target_is_described_and_runs_one_action()
    {
        var build = new TestBuild();
        Target[] targets =
        [
            ((IVerifyCertCoverage)build).VerifyCertCoverage,
            ((IEnsureSslHostHeaders)build).EnsureSslHostHeaders,
            ((IReplaceSslCertificate)build).ReplaceSslCertificate,
            ((IProbeTlsEndpoints)build).ProbeTlsEndpoints,
        ];

        var definitions = targets.Select(RecordingTargetDefinition.Of).ToList();

        Assert.All(definitions, x => Assert.False(string.IsNullOrWhiteSpace(x.DescriptionText)));
        Assert.All(definitions, x => Assert.Single(x.Actions));
    }

    [Fact]
    public void Ensure_requires_a_manifest_before_anything_runs()
    {
        var ensure = RecordingTargetDefinition.Of(((IEnsureSslHostHeaders)new TestBuild()).EnsureSslHostHeaders);

        Assert.Equal([nameof(IEnsureSslHostHeaders.Manifest)], ensure.Requirements);
    }

    [Fact]
    public async Task The_replace_target_turns_a_malformed_thumbprint_into_a_one_line_failure_with_exit_code_2()
    {
        var build = new TestBuild(new NukeInvocation(["ReplaceSslCertificate", "--old", "not-a-thumbprint", "--new", "0A1B"]));
        var replace = RecordingTargetDefinition.Of(((IReplaceSslCertificate)build).ReplaceSslCertificate);

        var failure = await Assert.ThrowsAsync<TargetFailedException>(() => Assert.Single(replace.Actions)());

        Assert.Contains("not-a-thumbprint", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, build.ExitCode);
    }

    [Fact]
    public void Replace_requires_the_old_thumbprint_before_anything_runs()
    {
        var replace = RecordingTargetDefinition.Of(((IReplaceSslCertificate)new TestBuild()).ReplaceSslCertificate);

        Assert.Equal([nameof(IReplaceSslCertificate.Old)], replace.Requirements);
    }

    [Fact]
    public void An_error_finding_fails_the_target_with_a_summary_of_the_codes_and_exit_code_1()
    {
        var build = new TestBuild();
        var report = new VerificationReport([],
        [
            new Finding(FindingCodes.HostNotCovered, Severity.Error, "not covered", "MySite V2", "*:443", "sitev2.mysite.com"),
            new Finding(FindingCodes.HostNotCovered, Severity.Error, "not covered", "MySite V3", "*:443", "sitev3.mysite.com"),
            new Finding(FindingCodes.CertificateExpiresSoon, Severity.Warning, "expires soon"),
        ]);

        var failure = Assert.Throws<TargetFailedException>(() => TargetOutcome.Publish(build, report, ReportFormat.Text, output: null));

        Assert.Equal("2 error finding(s): HostNotCovered x2", failure.Message);
        Assert.Equal(1, build.ExitCode);
        Assert.Equal(new Dictionary<string, string> { ["Errors"] = "2", ["Warnings"] = "1" }, build.Summary);
    }

    [Fact]
    public void Warnings_are_logged_as_warnings_with_their_location_and_do_not_fail()
    {
        var build = new TestBuild();
        var report = new VerificationReport([],
            [new Finding(FindingCodes.CertificateExpiresSoon, Severity.Warning, "expires in 5 days", "MySite", "*:443", "www.mysite.com")]);
        Log.Recorded.Clear();

        TargetOutcome.Publish(build, report, ReportFormat.Text, output: null);

        var logged = Assert.Single(Log.Recorded);
        Assert.Equal(LogEventLevel.Warning, logged.Level);
        Assert.Equal([FindingCodes.CertificateExpiresSoon, "expires in 5 days", "MySite *:443 www.mysite.com"], logged.Values);
        Assert.Null(build.ExitCode);
        Assert.Equal("0", build.Summary["Errors"]);
    }

    [Theory]
    [InlineData(EnsureOutcome.Refused)]
    [InlineData(EnsureOutcome.RolledBack)]
    public void A_refused_or_rolled_back_ensure_fails_even_without_error_findings(EnsureOutcome outcome)
    {
        var build = new TestBuild();

        var failure = Assert.Throws<TargetFailedException>(
            () => TargetOutcome.Publish(build, new EnsureResult(outcome, Clean), ReportFormat.Text, output: null, CommandShell.Cmd));

        Assert.StartsWith(outcome.ToString(), failure.Message, StringComparison.Ordinal);
        Assert.Equal(outcome.ToString(), build.Summary["Outcome"]);
        Assert.Equal(1, build.ExitCode);
    }

    [Fact]
    public void An_applied_ensure_passes_and_reports_its_outcome()
    {
        var build = new TestBuild();

        TargetOutcome.Publish(build, new EnsureResult(EnsureOutcome.Applied, Clean), ReportFormat.Text, output: null, CommandShell.Cmd);

        Assert.Equal("Applied", build.Summary["Outcome"]);
        Assert.Null(build.ExitCode);
    }

    [Fact]
    public void Bad_input_fails_with_its_one_line_message_and_exit_code_2()
    {
        var build = new TestBuild();

        var failure = Assert.Throws<TargetFailedException>(() => EngineCall.Run<VerificationReport>(
            build, () => throw new InvalidInputException("malformed XML", "applicationHost.config", 12)));

        Assert.Equal("applicationHost.config:12: malformed XML", failure.ToString());
        Assert.Null(failure.StackTrace);
        Assert.Equal(2, build.ExitCode);
    }

    [Fact]
    public void A_secret_pfx_password_reaches_the_engine_through_the_named_variable()
    {
        var variable = "IISSSL_NUKE_TEST_" + Guid.NewGuid().ToString("N");
        var build = new TestBuild(new NukeInvocation(["--pfx-password-env", variable, "--pfx-password", "s3cret"]));

        var seen = EngineCall.Run(build, () => Environment.GetEnvironmentVariable(variable));

        Assert.Equal("s3cret", seen);
        Environment.SetEnvironmentVariable(variable, null);
    }

    [Fact]
    public async Task A_dry_run_logs_the_plan_with_its_appcmd_and_netsh_lines_not_only_its_outcome()
    {
        using var sample = NukeSample.Copy();
        var build = new TestBuild(new NukeInvocation(["--dry-run"], workingDirectory: sample.Path, parametersJson: sample.ParametersJson), sample.Path);
        Log.Recorded.Clear();

        await RecordingTargetDefinition.Of(((IEnsureSslHostHeaders)build).EnsureSslHostHeaders).Actions.Single()();

        var logged = string.Join('\n', Log.Recorded.Where(e => e.Template == "{Line:l}").Select(e => e.Values[0]));
        Assert.Contains("appcmd.exe set site", logged, StringComparison.Ordinal);
        Assert.Contains("sitev2.mysite.com", logged, StringComparison.Ordinal);
        Assert.Contains("netsh http add sslcert hostnameport=sitev2.mysite.com:443", logged, StringComparison.Ordinal);
        Assert.Equal("Planned", build.Summary["Outcome"]);
        Assert.Equal(sample.ConfigBytes, File.ReadAllBytes(sample.Combine("server", "applicationHost.config")));
    }

    [Fact]
    public async Task The_shell_parameter_writes_the_logged_plan_lines_for_powershell()
    {
        using var sample = NukeSample.Copy();
        var build = new TestBuild(new NukeInvocation(["--dry-run", "--shell", "powershell"], workingDirectory: sample.Path, parametersJson: sample.ParametersJson), sample.Path);
        Log.Recorded.Clear();

        await RecordingTargetDefinition.Of(((IEnsureSslHostHeaders)build).EnsureSslHostHeaders).Actions.Single()();

        var logged = string.Join('\n', Log.Recorded.Where(e => e.Template == "{Line:l}").Select(e => e.Values[0]));
        Assert.Contains("& netsh 'http' 'add' 'sslcert' 'hostnameport=sitev2.mysite.com:443'", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("netsh http add", logged, StringComparison.Ordinal);
        Assert.Equal(sample.ConfigBytes, File.ReadAllBytes(sample.Combine("server", "applicationHost.config")));
    }
}
