using System.Text;
using IisSsl.Sources.HttpSys;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Sources.HttpSys;

/// <summary>
/// A saved netsh output is read a chunk at a time; what a user gets must not depend on where the chunks end, and must
/// be what the whole file decoded at once gives.
/// </summary>
public sealed class ChunkedNetshReadingTests
{
    private const string Record = "IP:port : 0.0.0.0:443\r\nCertificate Hash : 61d34f532da121bbab64723c4871e72c92f03735\r\nUsage Check : Enabled\r\n";

    public static TheoryData<string> Fixtures() => [.. Directory.GetFiles(NetshFixtures.Path(string.Empty)).Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_recorded_output_reads_the_same_whatever_the_chunk_size(string fixture)
    {
        var path = NetshFixtures.Path(fixture);
        var whole = NetshOutcome.Of(() => NetshSslCertParser.Parse(string.Join('\n', NetshOutcome.WholeFileLinesOf(path)), path));

        Assert.Equal(whole, NetshOutcome.Of(() => new NetshSslCertText(path).Read()));
        foreach (var chunk in new[] { 1, 2, 3, 7, 64, 255, 256, 257, 1000 })
            Assert.Equal(whole, NetshOutcome.Of(() => NetshSslCertParser.ParseFile(path, chunk)));
    }

    [Fact]
    public void A_crlf_split_across_a_chunk_edge_ends_one_line()
    {
        using var dir = new TempDirectory();
        // The first chunk is 256 bytes (what the UTF-16 sniff needs), so its last byte is the CR and the LF opens the second.
        var first = "IP:port : 0.0.0.0:443\r\nUsage Check : " + new string('x', 256 - 37 - 1) + "\r";
        Assert.Equal(256, Encoding.UTF8.GetByteCount(first));
        var path = dir.Write("sslcert.txt", first + "\nCertificate Hash : aa\r\n");

        var lines = NetshOutcome.LinesOf(path, 256);

        Assert.Equal(["IP:port : 0.0.0.0:443\r", "Usage Check : " + new string('x', 218) + "\r", "Certificate Hash : aa\r", string.Empty], lines);
        Assert.Equal("AA", Assert.Single(NetshSslCertParser.ParseFile(path, 256).Bindings).Thumbprint);
    }

    [Fact]
    public void A_character_split_across_a_chunk_edge_is_decoded_whole()
    {
        using var dir = new TempDirectory();
        var text = new string('a', 255) + "€\n" + "é😀\n";
        var path = dir.Write("t.txt", text);

        Assert.Equal(text.Split('\n'), NetshOutcome.LinesOf(path, 1));
        Assert.Equal(text.Split('\n'), NetshOutcome.LinesOf(path, 257));
    }

    [Fact]
    public void A_line_longer_than_a_chunk_is_kept_whole()
    {
        using var dir = new TempDirectory();
        var text = "a\n" + new string('b', 5000) + "\nc";
        var path = dir.Write("t.txt", text);

        Assert.Equal(["a", new string('b', 5000), "c"], NetshOutcome.LinesOf(path, 300));
    }

    [Theory]
    [InlineData("utf-8 with a BOM")]
    [InlineData("utf-16 LE with a BOM")]
    [InlineData("utf-16 LE without a BOM")]
    [InlineData("utf-16 BE with a BOM")]
    public void Each_encoding_powershell_or_cmd_writes_reads_like_plain_utf8(string encoding)
    {
        using var dir = new TempDirectory();
        var text = NetshFixtures.Text("server2012-older-build.txt");
        var utf8 = NetshOutcome.Of(() => NetshSslCertParser.Parse(text, dir.Combine("sslcert.txt")));
        byte[] bytes = encoding switch
        {
            "utf-8 with a BOM" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-16 LE with a BOM" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16 LE without a BOM" => Encoding.Unicode.GetBytes(text),
            _ => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        };
        File.WriteAllBytes(dir.Combine("sslcert.txt"), bytes);

        foreach (var chunk in new[] { 1, 5, 256, RecordedTextFile.ChunkBytes })
            Assert.Equal(utf8, NetshOutcome.Of(() => NetshSslCertParser.ParseFile(dir.Combine("sslcert.txt"), chunk)));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    public void An_empty_file_or_one_with_only_a_bom_is_one_empty_line_and_no_records(byte[] bytes)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("sslcert.txt");
        File.WriteAllBytes(path, bytes);

        Assert.Equal([string.Empty], NetshOutcome.LinesOf(path, 1));
        Assert.Empty(new NetshSslCertText(path).Read().Bindings);
    }

    [Fact]
    public void A_refusal_far_into_the_file_names_the_same_line_as_a_whole_read()
    {
        using var dir = new TempDirectory();
        var records = string.Concat(Enumerable.Range(1, 400).Select(i => Record.Replace("0.0.0.0", $"10.0.{i / 250}.{i % 250}", StringComparison.Ordinal)));
        var path = dir.Write("sslcert.txt", records + "Usage Chek : Enabled\r\n" + Record);

        var error = Assert.Throws<InvalidInputException>(() => NetshSslCertParser.ParseFile(path, 1000));

        Assert.Equal(1201, error.Line);
        Assert.Equal(NetshOutcome.Of(() => NetshSslCertParser.Parse(File.ReadAllText(path), path)), "refused: " + error.Message);
    }

    [Fact]
    public void A_missing_file_is_refused_before_anything_is_read()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<InvalidInputException>(() => NetshOutcome.LinesOf(dir.Combine("nope.txt"), 64));

        Assert.Equal($"{dir.Combine("nope.txt")}: the saved netsh output was not found", error.Message);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16 LE without a BOM")]
    public async Task A_pipe_is_read_like_the_file_it_streams(string encoding)
    {
        using var dir = new TempDirectory();
        var fixture = NetshFixtures.Path("server2022-ipport-and-sni.txt");
        var bytes = encoding == "utf-8" ? File.ReadAllBytes(fixture) : Encoding.Unicode.GetBytes(File.ReadAllText(fixture));
        var pipe = dir.Combine("sslcert.pipe");
        Assert.Equal(0, MakeFifo(pipe, 0b110_000_000));
        // The writer blocks until the reader opens the pipe, as a shell's process substitution does.
        var writer = Task.Run(() => File.WriteAllBytes(pipe, bytes));

        var read = NetshOutcome.Of(() => NetshSslCertParser.ParseFile(pipe, 100));

        await writer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(NetshOutcome.Of(() => new NetshSslCertText(fixture).Read()).Replace(fixture, pipe, StringComparison.Ordinal), read);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, uint mode);
}
