using System.Text;
using IisSsl.Probing;

namespace IisSsl.Tests.Probing;

public sealed class HttpCheckTests
{
    [Fact]
    public void A_response_gives_its_status_and_body()
    {
        var answer = HttpCheck.Parse(Encoding.UTF8.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nsite:b ü"));

        Assert.Equal((404, "site:b ü", (string?)null), (answer.StatusCode, answer.Body, answer.Error));
    }

    [Fact]
    public void A_chunked_body_is_joined_so_a_marker_split_across_chunks_is_found()
    {
        var answer = HttpCheck.Parse(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nsite:\r\n6;x=1\r\na.test\r\n0\r\n\r\n"));

        Assert.Equal("site:a.test", answer.Body);
    }

    [Fact]
    public void Something_that_is_not_http_has_no_status()
    {
        var answer = HttpCheck.Parse(Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.2\r\n"));

        Assert.Null(answer.StatusCode);
        Assert.NotNull(answer.Error);
    }
}
