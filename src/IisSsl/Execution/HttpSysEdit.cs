using IisSsl.Model;

namespace IisSsl.Execution;

/// <summary>One change to HTTP.SYS's certificate records, addressed by the record key (<see cref="SslCertBinding.Key"/>).</summary>
public abstract record HttpSysEdit(SslCertBinding Record)
{
    /// <summary><c>netsh http add sslcert …</c>.</summary>
    public sealed record Add(SslCertBinding Record) : HttpSysEdit(Record);

    /// <summary><c>netsh http update sslcert …</c>: <see cref="Previous"/> is what the record held, for rollback and review.</summary>
    public sealed record Update(SslCertBinding Previous, SslCertBinding Record) : HttpSysEdit(Record);

    /// <summary><c>netsh http delete sslcert …</c>.</summary>
    public sealed record Delete(SslCertBinding Record) : HttpSysEdit(Record);

    /// <summary>The edit that undoes this one.</summary>
    public HttpSysEdit Inverse => this switch
    {
        Add add => new Delete(add.Record),
        Update update => new Update(update.Record, update.Previous),
        _ => new Add(Record),
    };
}
