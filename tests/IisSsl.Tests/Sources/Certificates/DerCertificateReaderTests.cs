using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FsCheck;
using FsCheck.Fluent;
using IisSsl.Benchmarks.Generator;
using IisSsl.Model;
using IisSsl.Sources.Certificates;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Sources.Certificates;

/// <summary>
/// The DER reader must give, fact for fact, what <see cref="CertificateInfo.From"/> reads from the loaded
/// certificate, and must decline (null: the caller loads the certificate) whatever it does not plainly understand.
/// </summary>
public sealed class DerCertificateReaderTests
{
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Reads_the_same_facts_as_the_loaded_certificate() =>
        Prop.ForAll(CertificateSpread.Shapes(), shape =>
        {
            var der = CertificateSpread.Create(shape);
            var read = Read(der);
            if (CertificateSpread.IsKeyAgreementEcKey(shape))
                return (read is null).Label("an EC key-agreement key is left to the BCL");
            return (read is not null && Facts(read) == Facts(Loaded(der)))
                .Label($"DER reader: {(read is null ? "declined" : Facts(read))}\nloaded:     {Facts(Loaded(der))}");
        });

    public static TheoryData<string> SampleCertificates() =>
        [.. Directory.EnumerateFiles(RepositoryPaths.Samples, "*.cer", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(SampleCertificates))]
    public void Reads_each_sample_certificate_as_the_loaded_certificate(string relativePath)
    {
        var der = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, relativePath));

        var read = Read(der);

        Assert.NotNull(read);
        Assert.Equal(Facts(Loaded(der)), Facts(read));
    }

    [Theory]
    [InlineData(SharedCertificateShape.Wildcard)]
    [InlineData(SharedCertificateShape.San)]
    public void Reads_the_benchmark_generators_certificates_as_the_loaded_certificates(SharedCertificateShape shape)
    {
        using var temp = new TempDirectory();
        var state = ServerStateGenerator.Generate(new GeneratorOptions { Sites = 200, Seed = 11, Shape = shape }, temp.Combine("state"));
        var files = Directory.GetFiles(state.CertificatesPath);
        Assert.Equal(state.Certificates, files.Length);

        Assert.All(files, file =>
        {
            var der = File.ReadAllBytes(file);
            var read = Read(der);
            Assert.NotNull(read);
            Assert.Equal(Facts(Loaded(der)), Facts(read));
        });
    }

    public static TheoryData<string, string> SubjectAlternativeNameValues() => new()
    {
        // GeneralNames in hex: the dNSName/iPAddress fast path, names it leaves to the BCL, and encodings it cannot read.
        { "dns and ip", Hex(san => san.AddDnsName("Www.Example.COM.").AddIpAddress("10.0.0.1").AddIpAddress("2001:db8::1")) },
        { "registeredID between dns names", Hex(san => san.AddDnsName("a.example.com").Add("88032a0304").AddDnsName("b.example.com")) },
        { "directoryName", Hex(san => san.Add("a40f300d310b3009060355040613024445").AddDnsName("c.example.com")) },
        { "ip of 5 bytes", Hex(san => san.Add("87050a00000101")) },
        { "dns name that is not IA5", Hex(san => san.Add("8202c3a9")) },
        { "constructed dns name", Hex(san => san.Add("a2051603612e62")) },
        { "empty", "3000" },
        { "trailing bytes", Hex(san => san.AddDnsName("d.example.com")) + "0000" },
    };

    [Theory]
    [MemberData(nameof(SubjectAlternativeNameValues))]
    public void Reads_a_subject_alternative_name_as_the_BCL_does(string shape, string hex)
    {
        var value = Convert.FromHexString(hex);

        var expected = Outcome(() =>
        {
            var san = new X509SubjectAlternativeNameExtension(value);
            return (CertificateInfo.DnsNamesOf(san), CertificateInfo.IpAddressesOf(san));
        });
        var read = Outcome(() => SubjectAlternativeNames.Read(value, critical: false));

        Assert.True(expected == read, $"{shape}: BCL {expected}, reader {read}");
    }

    [Fact]
    public void Declines_a_version_1_certificate()
    {
        var der = AsVersion1(TestCertificate.For("v1.example.com").Create().RawData);
        using var loaded = X509CertificateLoader.LoadCertificate(der);
        Assert.Equal(1, loaded.Version);

        Assert.Null(Read(der));
    }

    [Fact]
    public void Declines_trailing_bytes_after_the_certificate() =>
        Assert.Null(Read([.. TestCertificate.For("a.example.com").Create().RawData, 0x00, 0x00]));

    [Fact]
    public void Declines_truncated_der() =>
        Assert.Null(Read(TestCertificate.For("a.example.com").Create().RawData[..^10]));

    [Fact]
    public void Declines_ber_that_is_not_der()
    {
        var der = TestCertificate.For("a.example.com").Create().RawData;
        Assert.Equal(0x82, der[1]);
        // The same certificate with its outer length in four bytes where two do: valid BER, not DER.
        byte[] ber = [0x30, 0x84, 0x00, 0x00, .. der.AsSpan(2)];

        Assert.Null(Read(ber));
    }

    [Fact]
    public void Declines_a_repeated_extension()
    {
        var der = WithFirstExtensionRepeated(TestCertificate.For("one.example.com").Create().RawData);
        using var loaded = X509CertificateLoader.LoadCertificate(der);
        Assert.Equal(2, loaded.Extensions.Count(e => e.Oid?.Value == "2.5.29.17"));

        Assert.Null(Read(der));
    }

    [Fact]
    public void Declines_a_key_algorithm_it_does_not_know()
    {
        using var dsa = DSA.Create(1024);
        var request = new CertificateRequest(new X500DistinguishedName("CN=dsa.example.com"), new PublicKey(dsa), HashAlgorithmName.SHA256);
        using var issuer = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(new X500DistinguishedName("CN=Issuer"), X509SignatureGenerator.CreateForRSA(issuer, RSASignaturePadding.Pkcs1), now, now.AddDays(1), [1]);

        Assert.Null(Read(certificate.RawData));
    }

    [Fact]
    public void Gives_the_certificate_only_when_asked_and_then_always_the_same_one()
    {
        var der = TestCertificate.For("a.example.com").Create().RawData;
        var loads = 0;

        var read = DerCertificateReader.TryRead(der, Thumbprint(der), "a.cer", null, () =>
        {
            Interlocked.Increment(ref loads);
            return X509CertificateLoader.LoadCertificate(der);
        })!;
        Assert.Equal(0, loads);
        var seen = new X509Certificate2[16];
        Parallel.For(0, seen.Length, i => seen[i] = read.Certificate);

        Assert.Equal(1, loads);
        Assert.All(seen, c => Assert.Same(seen[0], c));
        Assert.Equal(read.Thumbprint, seen[0].Thumbprint);
    }

    /// <summary>The names read, or the type of the exception thrown, as one comparable line.</summary>
    private static string Outcome(Func<(string[] DnsNames, System.Net.IPAddress[] IpAddresses)> read)
    {
        try
        {
            var (dns, ips) = read();
            return $"dns [{string.Join(' ', dns)}] ip [{string.Join(' ', ips.Select(i => i.ToString()))}]";
        }
        catch (Exception e)
        {
            return $"throws {e.GetType().Name}";
        }
    }

    /// <summary>A GeneralNames SEQUENCE, in hex, of the names <paramref name="add"/> lists.</summary>
    private static string Hex(Func<GeneralNamesWriter, GeneralNamesWriter> add)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
            add(new GeneralNamesWriter(writer));
        return Convert.ToHexString(writer.Encode());
    }

    private sealed class GeneralNamesWriter(AsnWriter writer)
    {
        public GeneralNamesWriter AddDnsName(string name)
        {
            writer.WriteCharacterString(UniversalTagNumber.IA5String, name, new Asn1Tag(TagClass.ContextSpecific, 2));
            return this;
        }

        public GeneralNamesWriter AddIpAddress(string address)
        {
            writer.WriteOctetString(System.Net.IPAddress.Parse(address).GetAddressBytes(), new Asn1Tag(TagClass.ContextSpecific, 7));
            return this;
        }

        /// <summary>A GeneralName written as given (hex), whatever it is.</summary>
        public GeneralNamesWriter Add(string encodedHex)
        {
            writer.WriteEncodedValue(Convert.FromHexString(encodedHex));
            return this;
        }
    }

    private static CertificateInfo? Read(byte[] der) =>
        DerCertificateReader.TryRead(der, Thumbprint(der), "test.cer", null, () => X509CertificateLoader.LoadCertificate(der));

    private static CertificateInfo Loaded(byte[] der) => CertificateInfo.From(X509CertificateLoader.LoadCertificate(der), "test.cer", null);

    private static string Thumbprint(byte[] der) => Convert.ToHexString(SHA1.HashData(der));

    /// <summary>Every fact, as one comparable, readable line.</summary>
    internal static string Facts(CertificateInfo c) =>
        $"{c.Thumbprint} | {c.Subject} | dns [{string.Join(' ', c.DnsNames)}] | ip [{string.Join(' ', c.IpAddresses)}] | "
        + $"{c.NotBefore:O} - {c.NotAfter:O} | {c.KeyAlgorithm} {c.KeySize} | {c.SignatureAlgorithm} | "
        + $"server auth {c.ServerAuthentication?.ToString() ?? "any"} | key {c.HasPrivateKey?.ToString() ?? "unknown"} | {c.Source}";

    /// <summary>The same certificate with its first extension (the SAN) listed twice.</summary>
    private static byte[] WithFirstExtensionRepeated(byte[] der) => RewriteTbs(der, (tbs, writer) =>
    {
        for (var field = 0; field < 7; field++) // version, serial, signature, issuer, validity, subject, key
            writer.WriteEncodedValue(tbs.ReadEncodedValue().Span);
        var extensions = tbs.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 3)).ReadSequence();
        var first = extensions.ReadEncodedValue();
        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 3)))
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(first.Span);
            writer.WriteEncodedValue(first.Span);
            while (extensions.HasData)
                writer.WriteEncodedValue(extensions.ReadEncodedValue().Span);
        }
    });

    /// <summary>The same certificate as X.509 v1: no version field, no extensions (the signature no longer verifies; nothing here checks it).</summary>
    internal static byte[] AsVersion1(byte[] der) => RewriteTbs(der, (tbs, writer) =>
    {
        tbs.ReadEncodedValue(); // [0] EXPLICIT version
        for (var field = 0; field < 6; field++) // serial, signature, issuer, validity, subject, key; not the extensions
            writer.WriteEncodedValue(tbs.ReadEncodedValue().Span);
    });

    /// <summary>A certificate whose TBSCertificate contents <paramref name="rewrite"/> writes from the original's, with the original signature.</summary>
    private static byte[] RewriteTbs(byte[] der, Action<AsnReader, AsnWriter> rewrite)
    {
        var certificate = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var tbs = certificate.ReadSequence();
        var signatureAlgorithm = certificate.ReadEncodedValue();
        var signature = certificate.ReadEncodedValue();
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
                rewrite(tbs, writer);
            writer.WriteEncodedValue(signatureAlgorithm.Span);
            writer.WriteEncodedValue(signature.Span);
        }

        return writer.Encode();
    }
}
