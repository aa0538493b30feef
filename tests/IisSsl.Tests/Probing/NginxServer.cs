using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Probing;

/// <summary>One nginx <c>server</c> block: its <c>server_name</c> (null = the default server), certificate and answer.</summary>
public sealed record NginxSite(string? ServerName, X509Certificate2 Certificate, string Body, int Status = 200);

/// <summary>
/// A real nginx on 127.0.0.1 and a free port, configured in a temp folder (config, certificates, pid, logs) and
/// run in the foreground as this test's child; killed and cleaned up on dispose.
/// </summary>
public sealed class NginxServer : IDisposable
{
    private readonly TempDirectory _directory;
    private readonly Process _process;

    private NginxServer(TempDirectory directory, Process process, int port)
    {
        _directory = directory;
        _process = process;
        Port = port;
    }

    /// <summary>The nginx binary on PATH (or /usr/sbin), or null when it is not installed.</summary>
    public static string? Executable { get; } = Find();

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public int Port { get; }

    public string Target => $"127.0.0.1:{Port}";

    public static NginxServer Start(NginxSite defaultSite, params NginxSite[] sites)
    {
        var executable = Executable ?? throw new InvalidOperationException(
            "nginx is not installed but CI=true: install it (apt-get install -y nginx-light) so the probe tests run.");
        var directory = new TempDirectory();
        try
        {
            var port = FreePort();
            var config = directory.Write("nginx.conf", Config(directory, port, defaultSite, sites));
            var process = Process.Start(new ProcessStartInfo(executable)
            {
                ArgumentList = { "-p", directory.Path + "/", "-e", directory.Combine("error.log"), "-c", config, "-g", "daemon off;" },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("nginx did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new NginxServer(directory, process, port);
            server.WaitUntilListening();
            return server;
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
            _directory.Dispose();
        }
    }

    private void WaitUntilListening()
    {
        // Readiness, not timing: nginx binds within milliseconds; the bound is only a guard against a hang.
        var giveUp = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < giveUp)
        {
            if (_process.HasExited)
                break;
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        var log = File.Exists(_directory.Combine("error.log")) ? File.ReadAllText(_directory.Combine("error.log")) : "(no error.log)";
        Dispose();
        throw new InvalidOperationException($"nginx did not start listening on {Target}: {log}");
    }

    private static string Config(TempDirectory directory, int port, NginxSite defaultSite, NginxSite[] sites)
    {
        var text = new StringBuilder();
        text.AppendLine("worker_processes 1;");
        text.AppendLine($"pid {directory.Combine("nginx.pid")};");
        text.AppendLine($"error_log {directory.Combine("error.log")} warn;");
        text.AppendLine("events { worker_connections 512; }");
        text.AppendLine("http {");
        text.AppendLine("  access_log off;");
        text.AppendLine("  default_type text/plain;");
        foreach (var temp in new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" })
            text.AppendLine($"  {temp}_temp_path {directory.CreateDirectory(temp)};");
        var index = 0;
        foreach (var site in sites.Prepend(defaultSite))
        {
            var (certificate, key) = CertificateFiles.WritePemWithKey(site.Certificate, directory.Path, $"site{index++}");
            var isDefault = ReferenceEquals(site, defaultSite);
            text.AppendLine("  server {");
            text.AppendLine($"    listen 127.0.0.1:{port} ssl{(isDefault ? " default_server" : string.Empty)};");
            text.AppendLine($"    server_name {site.ServerName ?? "_"};");
            text.AppendLine($"    ssl_certificate {certificate};");
            text.AppendLine($"    ssl_certificate_key {key};");
            text.AppendLine($"    location / {{ return {site.Status} \"{site.Body}\"; }}");
            text.AppendLine("  }");
        }

        text.AppendLine("}");
        return text.ToString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin")
            .Select(dir => Path.Combine(dir, "nginx"))
            .FirstOrDefault(File.Exists);
    }
}
