namespace IisSsl.Cli.Tests;

/// <summary>A nuget.config whose only package source is a local folder: nothing is restored from anywhere else.</summary>
internal static class NuGetConfig
{
    public static string WithOnlySource(string folder) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="local" value="{folder}" />
          </packageSources>
        </configuration>
        """;
}
