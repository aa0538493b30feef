using IisSsl.Sources;
using IisSsl.Sources.HttpSys;
using NSubstitute;

namespace IisSsl.Tests.Sources.HttpSys;

public sealed class LiveHttpSysTests
{
    [Fact]
    public void Runs_netsh_http_show_sslcert_and_parses_what_it_prints()
    {
        var runner = Substitute.For<ICommandRunner>();
        runner.Run("netsh", Arg.Is<IReadOnlyList<string>>(a => a.SequenceEqual(new[] { "http", "show", "sslcert" })))
            .Returns(new CommandResult(0, NetshFixtures.Text("server2022-ipport-and-sni.txt"), string.Empty));

        var state = new LiveHttpSys(runner).Read();

        Assert.Equal(["ipport=0.0.0.0:443", "hostnameport=sitev2.mysite.com:443"], state.Bindings.Select(b => b.Key));
        Assert.Equal("netsh http show sslcert", state.Source);
        runner.ReceivedWithAnyArgs(1).Run(default!, default!);
    }

    [Fact]
    public void A_failing_netsh_is_invalid_input_with_its_message()
    {
        var runner = Substitute.For<ICommandRunner>();
        runner.Run(default!, default!).ReturnsForAnyArgs(new CommandResult(1, string.Empty, "The requested operation requires elevation.\r\n"));

        var error = Assert.Throws<InvalidInputException>(() => new LiveHttpSys(runner).Read());

        Assert.Contains("exit code 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("requires elevation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Off_windows_reading_live_http_sys_asks_for_a_saved_file()
    {
        var runner = Substitute.For<ICommandRunner>();

        var error = Assert.Throws<InvalidInputException>(() => new LiveHttpSys(runner, isWindows: false).Read());

        Assert.Contains("pass --sslcert FILE", error.Message, StringComparison.Ordinal);
        runner.DidNotReceiveWithAnyArgs().Run(default!, default!);
    }
}
