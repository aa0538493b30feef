using System.Diagnostics;
using System.Globalization;
using IisSsl.Benchmarks.Generator;

namespace IisSsl.Benchmarks;

/// <summary>
/// <c>generate OUT_DIR [--seed N] [--shape wildcard|san] SITES...</c>: writes OUT_DIR/sites-N/ (the wildcard shape) or
/// OUT_DIR/san-sites-N/ for each size and prints one tab-separated line per state (the harness reads it): directory,
/// sites, https bindings, HTTP.SYS records, certificates.
/// </summary>
internal static class GenerateCommand
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: generate OUT_DIR [--seed N] [--shape wildcard|san] SITES...");
            return 2;
        }

        var seed = GeneratedStates.DefaultSeed;
        var shape = SharedCertificateShape.Wildcard;
        var sizes = new List<int>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--seed")
                seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--shape")
                shape = Enum.Parse<SharedCertificateShape>(args[++i], ignoreCase: true);
            else
                sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
        }

        foreach (var sites in sizes)
        {
            var stopwatch = Stopwatch.StartNew();
            var folder = shape == SharedCertificateShape.Wildcard ? $"sites-{sites}" : $"san-sites-{sites}";
            var state = ServerStateGenerator.Generate(new GeneratorOptions { Sites = sites, Seed = seed, Shape = shape }, Path.Combine(args[0], folder));
            Console.Error.WriteLine($"generated {sites} sites in {stopwatch.ElapsedMilliseconds} ms: {state.Directory}");
            Console.WriteLine(string.Join('\t', state.Directory, state.Sites, state.HttpsBindings, state.CertificateBindings, state.Certificates));
        }

        return 0;
    }
}
