using FsCheck;
using FsCheck.Fluent;
using HostName = IisSsl.Model.HostName;

namespace IisSsl.Tests.Model;

/// <summary>
/// <see cref="HostName"/> skips IdnMapping for plain ASCII names. These pin that shortcut to the IdnMapping path:
/// for any ASCII name, both give the same verdict, the same normalised form and the same error.
/// </summary>
public sealed class HostNameFastPathProperties
{
    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property An_ascii_name_normalises_exactly_as_through_idn_mapping() =>
        Prop.ForAll(AsciiNames().ToArbitrary(), name =>
        {
            var fast = HostName.TryNormalise(name, name, out var fastValue, out var fastError);
            var idn = HostName.TryNormaliseWithIdn(name, name, out var idnValue, out var idnError);
            return (fast == idn && fastValue == idnValue && fastError == idnError)
                .Label($"'{name}': fast {fast} '{fastValue}' '{fastError}', idn {idn} '{idnValue}' '{idnError}'")
                .Classify(HostName.IsPlainAsciiName(name), "plain ASCII");
        });

    [Theory]
    [InlineData("www.Example.com")]
    [InlineData("shop-1.customer42.example")]
    [InlineData("localhost")]
    [InlineData("ab--cd.example")]
    public void Plain_ldh_names_take_the_shortcut(string name) => Assert.True(HostName.IsPlainAsciiName(name));

    [Theory]
    [InlineData("xn--bcher-kva.example")]
    [InlineData("www.XN--BCHER-KVA.example")]
    [InlineData("bücher.example")]
    [InlineData("-a.example")]
    [InlineData("a-.example")]
    [InlineData("a..example")]
    [InlineData("under_score.example")]
    public void A_labels_unicode_and_doubtful_names_go_through_idn_mapping(string name) =>
        Assert.False(HostName.IsPlainAsciiName(name));

    private static Gen<string> AsciiNames()
    {
        var ldh = Gen.Elements("abcxyzABCXYZ0189-".ToCharArray());
        var letters = Gen.Elements("abcXYZ019".ToCharArray());
        var plainLabel = Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(letters, n)).Select(c => new string(c));
        var anyLdhLabel = Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(ldh, n)).Select(c => new string(c));
        var longLabel = Gen.Choose(60, 66).Select(n => new string('a', n));
        var aLabel = Gen.Elements("xn--", "XN--", "Xn--").SelectMany(p => plainLabel.Select(l => p + l));
        var hyphens34 = plainLabel.Select(l => "ab--" + l);
        var otherAscii = Gen.Elements("_", "*", " ", "!", "~").SelectMany(c => plainLabel.Select(l => l + c));
        var label = Gen.Frequency(
            (12, plainLabel),
            (4, anyLdhLabel),
            (1, longLabel),
            (1, aLabel),
            (1, hyphens34),
            (1, otherAscii));
        var name = Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(label, n)).Select(labels => string.Join('.', labels));
        var longName = Gen.Choose(3, 5).SelectMany(n => Gen.ArrayOf(longLabel, n)).Select(labels => string.Join('.', labels));
        return Gen.Frequency((10, name), (1, longName));
    }
}
