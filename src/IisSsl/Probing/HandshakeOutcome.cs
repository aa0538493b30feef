namespace IisSsl.Probing;

internal enum HandshakeOutcome
{
    Succeeded,
    ConnectionFailed,
    HandshakeFailed,
    Timeout,
}
