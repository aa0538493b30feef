using System.Globalization;
using System.Net;
using System.Text.Json;
using IisSsl.Model;
using IisSsl.Sources;

namespace IisSsl.Planning;

/// <summary>
/// Reads and validates a manifest file. Everything that can be checked without the server is checked here
/// (shape, host names, certificate references, two entries claiming one host); unknown sites are the planner's job.
/// </summary>
public static class ManifestReader
{
    public const int DefaultPort = 443;

    /// <exception cref="InvalidInputException">The file is missing, not JSON, or not a valid manifest (with its line).</exception>
    public static EnsureManifest Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(InputFile.ReadAllBytes(path, "the manifest"), path);
    }

    /// <summary>Parses manifest bytes; relative certificate files resolve against the folder of <paramref name="path"/>.</summary>
    public static EnsureManifest Parse(byte[] bytes, string path)
    {
        var root = JsonTree.Parse(bytes, path) as JsonTree.Object
            ?? throw new InvalidInputException("the manifest must be a JSON object with \"certificates\" and \"sites\"", path, 1);
        var reader = new Reader(path);
        reader.CheckMembers(root, "manifest", "certificates", "sites", "$schema");
        var certificates = reader.Certificates(reader.Optional(root, "certificates"));
        var sitesNode = reader.Optional(root, "sites") as JsonTree.Array
            ?? throw new InvalidInputException("the manifest needs a \"sites\" array", path, root.Line);
        var sites = sitesNode.Items.Select(item => reader.Site(item, certificates)).ToArray();
        reader.RejectHostsClaimedTwice(sites);
        return new EnsureManifest(path, certificates, sites);
    }

    private sealed class Reader(string path)
    {
        private readonly string _folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";

        public IReadOnlyDictionary<string, ManifestCertificate> Certificates(JsonTree? node)
        {
            var result = new Dictionary<string, ManifestCertificate>(StringComparer.Ordinal);
            if (node is null)
                return result;
            if (node is not JsonTree.Object certificates)
                throw Error("\"certificates\" must be an object of named certificates", node);
            foreach (var member in certificates.Members)
                result[member.Name] = Certificate(member.Name, member.Value);
            return result;
        }

        private ManifestCertificate Certificate(string name, JsonTree node)
        {
            if (node is not JsonTree.Object certificate)
                throw Error($"certificate \"{name}\" must be an object with \"thumbprint\" (and \"store\"), \"file\" (and \"passwordEnv\") or \"centralCertificateStore\": true", node);
            CheckMembers(certificate, $"certificate \"{name}\"", "thumbprint", "store", "file", "passwordEnv", "centralCertificateStore");
            var thumbprint = OptionalString(certificate, "thumbprint");
            var file = OptionalString(certificate, "file");
            var central = Optional(certificate, "centralCertificateStore") switch
            {
                null or JsonTree.Literal { Kind: JsonTokenType.False } => false,
                JsonTree.Literal { Kind: JsonTokenType.True } => true,
                var other => throw Error($"certificate \"{name}\": \"centralCertificateStore\" must be true or false", other),
            };
            if (new[] { thumbprint is not null, file is not null, central }.Count(given => given) != 1)
                throw Error($"certificate \"{name}\" needs exactly one of \"thumbprint\", \"file\" or \"centralCertificateStore\": true", node);
            if (central)
            {
                if (Optional(certificate, "store") is not null || Optional(certificate, "passwordEnv") is not null)
                    throw Error($"certificate \"{name}\": the Central Certificate Store takes no \"store\" or \"passwordEnv\" (the store's own settings apply)", node);
                return new ManifestCertificate.CentralStore(name, node.Line);
            }

            if (thumbprint is not null)
            {
                if (OptionalString(certificate, "passwordEnv") is not null)
                    throw Error($"certificate \"{name}\": \"passwordEnv\" only goes with \"file\"", node);
                var normalised = Thumbprints.Normalise(thumbprint)
                    ?? throw Error($"certificate \"{name}\": \"{thumbprint}\" is not a SHA-1 thumbprint (40 hexadecimal digits)", Optional(certificate, "thumbprint")!);
                var store = OptionalString(certificate, "store");
                return new ManifestCertificate.InStore(name, normalised, string.IsNullOrWhiteSpace(store) ? "MY" : store.Trim(), node.Line);
            }

            if (OptionalString(certificate, "store") is not null)
                throw Error($"certificate \"{name}\": \"store\" only goes with \"thumbprint\" (a file is imported into MY)", node);
            if (file!.Trim().Length == 0)
                throw Error($"certificate \"{name}\": \"file\" cannot be empty", node);
            var passwordVariable = OptionalString(certificate, "passwordEnv");
            if (passwordVariable is not null && passwordVariable.Trim().Length == 0)
                throw Error($"certificate \"{name}\": \"passwordEnv\" must name an environment variable", node);
            return new ManifestCertificate.FromFile(name, System.IO.Path.GetFullPath(System.IO.Path.Combine(_folder, file)), passwordVariable, node.Line);
        }

        public ManifestSite Site(JsonTree node, IReadOnlyDictionary<string, ManifestCertificate> certificates)
        {
            if (node is not JsonTree.Object site)
                throw Error("each entry of \"sites\" must be an object", node);
            CheckMembers(site, "site entry", "name", "hostNames", "certificate", "ip", "port", "sni");
            var name = OptionalString(site, "name");
            if (string.IsNullOrWhiteSpace(name))
                throw Error("a site entry needs a \"name\" (the IIS site name)", node);
            var hostNames = HostNames(site, name);
            var certificate = OptionalString(site, "certificate")
                ?? throw Error($"site \"{name}\" needs a \"certificate\" naming one of \"certificates\"", node);
            if (!certificates.ContainsKey(certificate))
                throw Error($"site \"{name}\" refers to certificate \"{certificate}\", which \"certificates\" does not define", Optional(site, "certificate")!);
            var endpoint = new Endpoint(Address(site, name), Port(site, name));
            return new ManifestSite(name, hostNames, certificate, endpoint, Sni(site, name), node.Line);
        }

        private HostName[] HostNames(JsonTree.Object site, string name)
        {
            if (Optional(site, "hostNames") is not JsonTree.Array array || array.Items.Count == 0)
                throw Error($"site \"{name}\" needs a non-empty \"hostNames\" array", site);
            var hosts = new List<HostName>();
            foreach (var item in array.Items)
            {
                if (item is not JsonTree.String text)
                    throw Error($"site \"{name}\": host names must be strings, not {item.Describe}", item);
                if (!HostName.TryParse(text.Value, out var host, out var error))
                    throw Error($"site \"{name}\": {error}", item);
                if (hosts.Contains(host))
                    throw Error($"site \"{name}\" lists host name \"{host}\" twice", item);
                hosts.Add(host);
            }

            return [.. hosts];
        }

        private IPAddress Address(JsonTree.Object site, string name)
        {
            var node = Optional(site, "ip");
            if (node is null)
                return IPAddress.Any;
            if (node is not JsonTree.String text)
                throw Error($"site \"{name}\": \"ip\" must be a string (\"*\" or an address)", node);
            var value = text.Value.Trim();
            if (value is "*" or "" or "0.0.0.0")
                return IPAddress.Any;
            if (value.StartsWith('[') && value.EndsWith(']'))
                value = value[1..^1];
            var looksValid = value.Contains(':', StringComparison.Ordinal) || value.Count(c => c == '.') == 3;
            return looksValid && IPAddress.TryParse(value, out var address)
                ? address
                : throw Error($"site \"{name}\": \"{text.Value}\" is not an IP address or \"*\"", node);
        }

        private int Port(JsonTree.Object site, string name)
        {
            var node = Optional(site, "port");
            if (node is null)
                return DefaultPort;
            return node is JsonTree.Literal { Kind: JsonTokenType.Number } number
                && int.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
                ? port
                : throw Error($"site \"{name}\": \"port\" must be a whole number from 1 to 65535", node);
        }

        private SniMode Sni(JsonTree.Object site, string name)
        {
            var node = Optional(site, "sni");
            if (node is null)
                return SniMode.Auto;
            return node is JsonTree.String { Value: var value } && Enum.TryParse<SniMode>(value, ignoreCase: true, out var mode) && !int.TryParse(value, out _)
                ? mode
                : throw Error($"site \"{name}\": \"sni\" must be \"auto\", \"always\" or \"never\"", node);
        }

        public void RejectHostsClaimedTwice(IReadOnlyList<ManifestSite> sites)
        {
            var claims = new Dictionary<(HostName Host, int Port), ManifestSite>();
            foreach (var site in sites)
            {
                foreach (var host in site.HostNames)
                {
                    if (claims.TryGetValue((host, site.Endpoint.Port), out var first))
                    {
                        throw new InvalidInputException(
                            $"host name \"{host}\" on port {site.Endpoint.Port} is claimed by two entries (site \"{first.Name}\" at line {first.Line} and site \"{site.Name}\"); a host can be served by only one",
                            path,
                            site.Line);
                    }

                    claims[(host, site.Endpoint.Port)] = site;
                }
            }
        }

        public void CheckMembers(JsonTree.Object node, string what, params string[] known)
        {
            foreach (var member in node.Members)
            {
                if (!known.Contains(member.Name, StringComparer.Ordinal))
                    throw Error($"{what}: unknown property \"{member.Name}\" (expected {string.Join(", ", known.Where(k => k[0] != '$').Select(k => $"\"{k}\""))})", member.Value);
            }
        }

        public JsonTree? Optional(JsonTree.Object node, string name) =>
            node.Members.FirstOrDefault(m => m.Name == name)?.Value is { } value && value is not JsonTree.Literal { Kind: JsonTokenType.Null } ? value : null;

        private string? OptionalString(JsonTree.Object node, string name) => Optional(node, name) switch
        {
            null => null,
            JsonTree.String text => text.Value,
            var other => throw Error($"\"{name}\" must be a string, not {other.Describe}", other),
        };

        private InvalidInputException Error(string problem, JsonTree at) => new(problem, path, at.Line);
    }
}
