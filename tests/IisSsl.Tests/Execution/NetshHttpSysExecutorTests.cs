using System.Net;
using IisSsl.Execution;
using IisSsl.Model;
using IisSsl.Sources;
using NSubstitute;

namespace IisSsl.Tests.Execution;

public sealed class NetshHttpSysExecutorTests
{
    private static readonly SslCertBinding Record =
        new(SslCertBindingKind.IpPort, 443, IPAddress.Any, null, "61D34F532DA121BBAB64723C4871E72C92F03735", "MY", Guid.Parse(SslCertBinding.IisAppId));

    private static readonly CommandResult Ok = new(0, "\nSSL Certificate successfully added\n\n", "");

    private static CommandResult Error(int number, string text) => new(1, $"\nSSL Certificate add failed, Error: {number}\n{text}\n\n", "");

    private static bool Verb(IReadOnlyList<string> arguments, string verb) => arguments.Count > 1 && arguments[1] == verb;

    [Fact]
    public void Runs_netsh_with_each_argument_separately()
    {
        var runner = Substitute.For<ICommandRunner>();
        runner.Run(default!, default!).ReturnsForAnyArgs(Ok);

        new NetshHttpSysExecutor(runner).Apply(new HttpSysEdit.Add(Record));

        runner.Received(1).Run("netsh", Arg.Is<IReadOnlyList<string>>(a => a.SequenceEqual(NetshCommands.Arguments(new HttpSysEdit.Add(Record)))));
    }

    [Fact]
    public void An_add_that_finds_the_record_already_there_on_a_rerun_becomes_an_update()
    {
        var runner = Substitute.For<ICommandRunner>();
        runner.Run("netsh", Arg.Is<IReadOnlyList<string>>(a => Verb(a, "add"))).Returns(Error(183, "Cannot create a file when that file already exists."));
        runner.Run("netsh", Arg.Is<IReadOnlyList<string>>(a => Verb(a, "update"))).Returns(Ok);

        new NetshHttpSysExecutor(runner).Apply(new HttpSysEdit.Add(Record));

        runner.Received(1).Run("netsh", Arg.Is<IReadOnlyList<string>>(a => Verb(a, "update") && a.Contains("certhash=" + Record.Thumbprint)));
    }

    [Fact]
    public void Deleting_a_record_that_is_already_gone_is_done()
    {
        var runner = Substitute.For<ICommandRunner>();
        runner.Run(default!, default!).ReturnsForAnyArgs(Error(2, "The system cannot find the file specified."));

        new NetshHttpSysExecutor(runner).Apply(new HttpSysEdit.Delete(Record));

        runner.ReceivedWithAnyArgs(1).Run(default!, default!);
    }

    [Theory]
    [InlineData(1312, "error 1312")]
    [InlineData(5, "elevated")]
    [InlineData(87, "parameter is incorrect")]
    public void Failures_name_the_command_and_what_the_error_means(int number, string expected)
    {
        var runner = Substitute.For<ICommandRunner>();
        runner.Run(default!, default!).ReturnsForAnyArgs(Error(number, "whatever netsh says"));

        var error = Assert.Throws<ExecutionFailedException>(() => new NetshHttpSysExecutor(runner).Apply(new HttpSysEdit.Add(Record)));

        Assert.Contains("netsh http add sslcert ipport=0.0.0.0:443", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_without_an_error_number_is_still_a_failure()
    {
        var runner = Substitute.For<ICommandRunner>();
        runner.Run(default!, default!).ReturnsForAnyArgs(new CommandResult(1, "The following command was not found: http add sslcert.", ""));

        Assert.Throws<ExecutionFailedException>(() => new NetshHttpSysExecutor(runner).Apply(new HttpSysEdit.Add(Record)));
    }
}
