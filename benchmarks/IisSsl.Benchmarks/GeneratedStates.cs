using IisSsl.Benchmarks.Generator;

namespace IisSsl.Benchmarks;

/// <summary>Writes the benchmark's states under the system temp folder, by seed and size (same seed, same files).</summary>
internal static class GeneratedStates
{
    public const int DefaultSeed = 42;

    public static GeneratedServerState For(int sites, int seed = DefaultSeed) =>
        ServerStateGenerator.Generate(new GeneratorOptions { Sites = sites, Seed = seed }, Path.Combine(Path.GetTempPath(), "iis-ssl-bench", $"seed{seed}", $"sites-{sites}"));
}
