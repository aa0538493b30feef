using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using NSubstitute;

namespace IisSsl.Cake.Tests;

/// <summary>A substituted <see cref="ICakeContext"/> with a real environment and a log that records what it is told.</summary>
internal sealed class CakeContextFixture
{
    public CakeContextFixture(string workingDirectory)
    {
        var environment = Substitute.For<ICakeEnvironment>();
        environment.WorkingDirectory.Returns(new DirectoryPath(workingDirectory));
        environment.GetEnvironmentVariable(Arg.Any<string>()).Returns(call => Environment.GetEnvironmentVariable(call.Arg<string>()));
        Log = new RecordingLog();
        Context = Substitute.For<ICakeContext>();
        Context.Environment.Returns(environment);
        Context.Log.Returns(Log);
        Context.FileSystem.Returns(new FileSystem());
    }

    public ICakeContext Context { get; }

    public RecordingLog Log { get; }

    public sealed class RecordingLog : ICakeLog
    {
        public List<string> Lines { get; } = [];

        public Verbosity Verbosity { get; set; } = Verbosity.Diagnostic;

        public string Text => string.Join('\n', Lines);

        public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args) =>
            Lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
