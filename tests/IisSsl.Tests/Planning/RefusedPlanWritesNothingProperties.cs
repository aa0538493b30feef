using System.Security;
using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using IisSsl.Model;
using IisSsl.Planning;
using IisSsl.Sources.HttpSys;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Planning;

/// <summary>
/// A plan the planner (or its post-condition, or the refusal rules) refuses writes nothing: over generated servers
/// written to real files (applicationHost.config, a JSON snapshot, a certificate folder, a manifest), an apply that is
/// refused leaves every file of the server's folder byte for byte as it was, and creates no backup folder, lock or
/// journal. (replace: <see cref="ReplacePlannerProperties"/>.)
/// </summary>
public sealed class RefusedPlanWritesNothingProperties
{
    [Property(MaxTest = 60)]
    public bool A_refused_apply_leaves_every_file_as_it_was_and_makes_no_backup(byte[] shape, byte[] picks)
    {
        using var server = ServerFiles.Write(EnsurePlannerProperties.RandomServer(shape), EnsurePlannerProperties.RandomManifest(picks));
        var before = server.Contents();

        EnsureResult result;
        try
        {
            result = EnsureWorkflow.Run(server.Options, apply: true, EnsureServices.Default);
        }
        catch (InvalidInputException)
        {
            // Bad input (a manifest with no site): refused before planning, and nothing written either.
            return Same(before, server.Contents()) && !Directory.Exists(server.Backups);
        }

        return result.Outcome != EnsureOutcome.Refused
            || (Same(before, server.Contents()) && !Directory.Exists(server.Backups) && result.Reasons.Count > 0);
    }

    /// <summary>The property above is not vacuous: the generated servers and manifests are refused often, and applied often.</summary>
    [Fact]
    public void The_generated_servers_and_manifests_are_both_refused_and_applied()
    {
        var random = new Random(13);
        var outcomes = new HashSet<EnsureOutcome>();
        for (var i = 0; i < 40 && !(outcomes.Contains(EnsureOutcome.Refused) && outcomes.Contains(EnsureOutcome.Applied)); i++)
        {
            var shape = new byte[16];
            var picks = new byte[10];
            random.NextBytes(shape);
            random.NextBytes(picks);
            var manifest = EnsurePlannerProperties.RandomManifest(picks);
            if (manifest.Sites.Count == 0)
                continue;
            using var server = ServerFiles.Write(EnsurePlannerProperties.RandomServer(shape), manifest);
            outcomes.Add(EnsureWorkflow.Run(server.Options, apply: true, EnsureServices.Default).Outcome);
        }

        Assert.Contains(EnsureOutcome.Refused, outcomes);
        Assert.Contains(EnsureOutcome.Applied, outcomes);
    }

    internal static bool Same(IReadOnlyDictionary<string, byte[]> before, IReadOnlyDictionary<string, byte[]> after) =>
        before.Count == after.Count && before.All(file => after.TryGetValue(file.Key, out var now) && now.AsSpan().SequenceEqual(file.Value));

    /// <summary>A generated server as the files apply reads and writes, in a temporary folder.</summary>
    private sealed class ServerFiles : IDisposable
    {
        private readonly TempDirectory _folder = new();

        public static ServerFiles Write(ServerState state, EnsureManifest manifest)
        {
            var files = new ServerFiles();
            var server = files._folder.CreateDirectory("server");
            File.WriteAllText(Path.Combine(server, "applicationHost.config"), Config(state.Configuration));
            File.WriteAllText(Path.Combine(server, "sslcert.json"), HttpSysSnapshotFormat.Serialize(state.HttpSys));
            var certs = Directory.CreateDirectory(Path.Combine(server, "certs")).FullName;
            foreach (var certificate in EnsurePlannerProperties.Pool)
                CertificateFiles.WriteDer(certificate, Path.Combine(certs, certificate.Thumbprint + ".cer"));
            File.WriteAllText(Path.Combine(server, "manifest.json"), Manifest(manifest));
            return files;
        }

        private string Server => _folder.Combine("server");

        public string Backups => _folder.Combine("backups");

        public EnsureOptions Options => new()
        {
            ManifestPath = Path.Combine(Server, "manifest.json"),
            IisConfigPath = Path.Combine(Server, "applicationHost.config"),
            SslCertPath = Path.Combine(Server, "sslcert.json"),
            CertificateFolders = [Path.Combine(Server, "certs")],
            BackupDirectory = Backups,
        };

        /// <summary>Every file under the temporary folder (backups, locks and journals included), by relative path.</summary>
        public Dictionary<string, byte[]> Contents() => Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_folder.Path, f), File.ReadAllBytes);

        public void Dispose() => _folder.Dispose();

        private static string Config(IisConfiguration configuration)
        {
            var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration>\n  <system.applicationHost>\n    <sites>\n");
            foreach (var site in configuration.Sites)
            {
                xml.Append($"      <site name=\"{SecurityElement.Escape(site.Name)}\" id=\"{site.Id}\">\n        <bindings>\n");
                foreach (var binding in site.Bindings)
                {
                    var flags = binding.SslFlags == SslFlags.None ? string.Empty : $" sslFlags=\"{(uint)binding.SslFlags}\"";
                    xml.Append($"          <binding protocol=\"{binding.Protocol}\" bindingInformation=\"{SecurityElement.Escape(binding.BindingInformation)}\"{flags} />\n");
                }

                xml.Append("        </bindings>\n      </site>\n");
            }

            return xml.Append("    </sites>\n  </system.applicationHost>\n</configuration>\n").ToString();
        }

        private static string Manifest(EnsureManifest manifest) => JsonSerializer.Serialize(new
        {
            certificates = new Dictionary<string, object>
            {
                ["san"] = new { thumbprint = EnsurePlannerProperties.San.Thumbprint, store = "My" },
                ["v1"] = new { thumbprint = EnsurePlannerProperties.V1Only.Thumbprint, store = "My" },
                ["renewed"] = new { thumbprint = EnsurePlannerProperties.Renewed.Thumbprint, store = "My" },
            },
            sites = manifest.Sites.Select(site => new
            {
                name = site.Name,
                hostNames = site.Hosts.Select(h => h?.Value ?? string.Empty).ToArray(),
                certificate = site.Certificate,
                sni = site.Sni.ToString().ToLowerInvariant(),
                endpoints = site.Endpoints.Select(e => new { ip = e.IsAllUnassigned ? "*" : e.Address.ToString(), port = e.Port }).ToArray(),
            }).ToArray(),
        });
    }
}
