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
        reader.CheckMembers(root, "manifest", "certificates", "sites", "server", "$schema");
        var certificates = reader.Certificates(reader.Optional(root, "certificates"));
        var server = reader.Server(reader.Optional(root, "server"));
        var sitesNode = reader.Optional(root, "sites") as JsonTree.Array
            ?? throw new InvalidInputException("the manifest needs a \"sites\" array", path, root.Line);
        var sites = sitesNode.Items.Select(item => reader.Site(item, certificates)).ToArray();
        reader.RejectSitesListedTwice(sites);
        reader.RejectHostsClaimedTwice(sites);
        return new EnsureManifest(path, certificates, sites) { Server = server };
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
            CheckMembers(site, "site entry", "name", "hostNames", "certificate", "ip", "port", "endpoints", "sni");
            var name = OptionalString(site, "name");
            if (string.IsNullOrWhiteSpace(name))
                throw Error("a site entry needs a \"name\" (the IIS site name)", node);
            var (hostNames, catchAll) = HostNames(site, name);
            var certificate = OptionalString(site, "certificate")
                ?? throw Error($"site \"{name}\" needs a \"certificate\" naming one of \"certificates\"", node);
            if (!certificates.ContainsKey(certificate))
                throw Error($"site \"{name}\" refers to certificate \"{certificate}\", which \"certificates\" does not define", Optional(site, "certificate")!);
            return new ManifestSite(name, hostNames, certificate, Endpoints(site, name), Sni(site, name), node.Line) { CatchAll = catchAll };
        }

        /// <summary>The host names; <c>""</c> among them is the catch-all (empty host) binding.</summary>
        private (HostName[] Hosts, bool CatchAll) HostNames(JsonTree.Object site, string name)
        {
            if (Optional(site, "hostNames") is not JsonTree.Array array || array.Items.Count == 0)
                throw Error($"site \"{name}\" needs a non-empty \"hostNames\" array (\"\" for the catch-all binding)", site);
            var hosts = new List<HostName>();
            var catchAll = false;
            foreach (var item in array.Items)
            {
                if (item is not JsonTree.String text)
                    throw Error($"site \"{name}\": host names must be strings, not {item.Describe}", item);
                if (text.Value.Length == 0)
                {
                    if (catchAll)
                        throw Error($"site \"{name}\" lists the catch-all host name \"\" twice", item);
                    catchAll = true;
                    continue;
                }

                if (!HostName.TryParse(text.Value, out var host, out var error))
                    throw Error($"site \"{name}\": {error}", item);
                if (hosts.Contains(host))
                    throw Error($"site \"{name}\" lists host name \"{host}\" twice", item);
                hosts.Add(host);
            }

            return ([.. hosts], catchAll);
        }

        /// <summary><c>"ip"</c>/<c>"port"</c> (one endpoint, default <c>*:443</c>), or <c>"endpoints": [{ "ip", "port" }, …]</c>.</summary>
        private Endpoint[] Endpoints(JsonTree.Object site, string name)
        {
            if (Optional(site, "endpoints") is not { } node)
                return [new Endpoint(Address(site, name), Port(site, name))];
            if (Optional(site, "ip") is not null || Optional(site, "port") is not null)
                throw Error($"site \"{name}\": give either \"ip\"/\"port\" or \"endpoints\", not both", node);
            if (node is not JsonTree.Array { Items.Count: > 0 } array)
                throw Error($"site \"{name}\": \"endpoints\" must be a non-empty array of {{ \"ip\": \"*\", \"port\": 443 }} objects", node);
            var endpoints = new List<Endpoint>();
            foreach (var item in array.Items)
            {
                if (item is not JsonTree.Object endpointNode)
                    throw Error($"site \"{name}\": each of \"endpoints\" must be an object like {{ \"ip\": \"*\", \"port\": 443 }}, not {item.Describe}", item);
                CheckMembers(endpointNode, $"site \"{name}\" endpoint", "ip", "port");
                var endpoint = new Endpoint(Address(endpointNode, name), Port(endpointNode, name));
                if (endpoints.Contains(endpoint))
                    throw Error($"site \"{name}\" lists endpoint {endpoint} twice", item);
                endpoints.Add(endpoint);
            }

            return [.. endpoints];
        }

        /// <summary><c>"server": { "iisVersion": 7|8|10 }</c> (7.5 and 8.5 accepted as their major version); default IIS 10.</summary>
        public ServerLimits Server(JsonTree? node)
        {
            if (node is null)
                return ServerLimits.Iis10;
            if (node is not JsonTree.Object server)
                throw Error("\"server\" must be an object like { \"iisVersion\": 10 }", node);
            CheckMembers(server, "server", "iisVersion");
            var version = Optional(server, "iisVersion");
            if (version is null)
                return ServerLimits.Iis10;
            return version is JsonTree.Literal { Kind: JsonTokenType.Number } number
                && decimal.TryParse(number.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                && value is 7m or 7.5m or 8m or 8.5m or 10m
                ? new ServerLimits((int)value)
                : throw Error("\"server\": \"iisVersion\" must be 7, 7.5, 8, 8.5 or 10", version);
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

        /// <summary>A site is one entry: listing it twice would let two entries decide its bindings (IIS site names ignore case).</summary>
        public void RejectSitesListedTwice(IReadOnlyList<ManifestSite> sites)
        {
            var seen = new Dictionary<string, ManifestSite>(StringComparer.OrdinalIgnoreCase);
            foreach (var site in sites)
            {
                if (seen.TryGetValue(site.Name, out var first))
                {
                    throw new InvalidInputException(
                        $"site \"{site.Name}\" is listed twice (first at line {first.Line}); list each site once, with all its host names and \"endpoints\"",
                        path,
                        site.Line);
                }

                seen[site.Name] = site;
            }
        }

        /// <summary>One host on one IP:Port belongs to one site; the same host on other IPs or ports is fine.</summary>
        public void RejectHostsClaimedTwice(IReadOnlyList<ManifestSite> sites)
        {
            var claims = new Dictionary<(HostName? Host, Endpoint Endpoint), ManifestSite>();
            foreach (var site in sites)
            {
                foreach (var endpoint in site.Endpoints)
                {
                    foreach (var host in site.Hosts)
                    {
                        if (claims.TryGetValue((host, endpoint), out var first))
                        {
                            throw new InvalidInputException(
                                $"{(host is null ? "the catch-all host name \"\"" : $"host name \"{host}\"")} on {endpoint} is listed by two sites (\"{first.Name}\" at line {first.Line} and \"{site.Name}\"); HTTP.SYS routes it to only one",
                                path,
                                site.Line);
                        }

                        claims[(host, endpoint)] = site;
                    }
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
