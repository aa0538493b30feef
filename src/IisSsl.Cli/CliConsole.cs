namespace IisSsl.Cli;

/// <summary>Where a command writes: the report to <see cref="Out"/>, everything else (progress, notes) to <see cref="Error"/>.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error);
