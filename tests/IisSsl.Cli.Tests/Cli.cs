using System.Diagnostics;
using IisSsl.Cli;

namespace IisSsl.Cli.Tests;

/// <summary>Runs <c>iis-ssl</c> in-process (fast) or as a real process (exit codes and streams as a CI step sees them).</summary>
internal static class Cli
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = IisSslCli.Run(args, output, error);
        return new Result(code, output.ToString(), error.ToString());
    }

    public static Result RunProcess(string workingDirectory, string fileName, string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in 5 minutes.");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The built iis-ssl.dll next to the tests, run through the dotnet host like the packed tool.</summary>
    public static Result RunBuiltTool(string workingDirectory, params string[] args) =>
        RunProcess(workingDirectory, "dotnet", [Path.Combine(AppContext.BaseDirectory, "iis-ssl.dll"), .. args]);
}
