using System.Text;

namespace IisSsl.Benchmarks.Generator;

/// <summary>Writes HTTP.SYS records as <c>netsh http show sslcert</c> prints them on Windows Server 2022 (CRLF, UTF-8).</summary>
internal static class NetshSslCertWriter
{
    private const string IisAppId = "{4dc3e181-e14b-4a21-b022-59fc669b0914}";

    private static readonly (string Label, string Value)[] FixedFields =
    [
        ("Certificate Store Name", "My"),
        ("Verify Client Certificate Revocation", "Enabled"),
        ("Verify Revocation Using Cached Client Certificate Only", "Disabled"),
        ("Usage Check", "Enabled"),
        ("Revocation Freshness Time", "0"),
        ("URL Retrieval Timeout", "0"),
        ("Ctl Identifier", "(null)"),
        ("Ctl Store Name", "(null)"),
        ("DS Mapper Usage", "Disabled"),
        ("Negotiate Client Certificate", "Disabled"),
        ("Reject Connections", "Disabled"),
        ("Disable HTTP2", "Not Set"),
        ("Disable QUIC", "Not Set"),
        ("Disable TLS1.2", "Not Set"),
        ("Disable TLS1.3", "Not Set"),
        ("Disable OCSP Stapling", "Not Set"),
        ("Enable Token Binding", "Not Set"),
        ("Log Extended Events", "Not Set"),
        ("Disable Legacy TLS Versions", "Not Set"),
        ("Enable Session Ticket", "Not Set"),
    ];

    public static void Write(string path, IReadOnlyList<PlannedRecord> records)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\r\n" };
        writer.WriteLine();
        writer.WriteLine("SSL Certificate bindings:");
        writer.WriteLine("-------------------------");
        writer.WriteLine();
        foreach (var record in records)
        {
            Field(writer, record.Label, record.Key);
            Field(writer, "Certificate Hash", record.Thumbprint.ToLowerInvariant());
            Field(writer, "Application ID", IisAppId);
            foreach (var (label, value) in FixedFields)
                Field(writer, label, value);
            writer.WriteLine(" Extended Properties:");
            Field(writer, "PropertyId", "0");
            Field(writer, "Receive Window", "1048576");
            writer.WriteLine();
        }
    }

    // netsh pads labels to 28 characters; longer labels are followed by a single space.
    private static void Field(StreamWriter writer, string label, string value) =>
        writer.WriteLine($"    {label,-28} : {value}");
}
