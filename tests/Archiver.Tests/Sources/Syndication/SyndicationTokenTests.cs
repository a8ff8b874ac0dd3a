using Archiver.Sources;

namespace Archiver.Tests.Sources;

public sealed class SyndicationTokenTests
{
    /// <summary>Reference 1.2's vectors, produced with Node.js: id, base-36 text before zeros and the point are removed, token.</summary>
    [Theory]
    [InlineData("20", "0.000000006dq1a2xwd93", "6dq1a2xwd93")]
    [InlineData("1234567890123456789", "2zq.ic77uqyk", "2zqic77uqyk")]
    [InlineData("1500000000000000000", "3mw.e049oefy", "3mwe49oefy")]
    [InlineData("1790000000000000000", "4c7.g8auqyik", "4c7g8auqyik")]
    [InlineData("1888888888888888888", "4ku.4atdiq6s", "4ku4atdiq6s")]
    [InlineData("1888888888888888801", "4ku.4atdiq6s", "4ku4atdiq6s")]
    [InlineData("2000000000000000000", "4uj.6o5owj98", "4uj6o5owj98")]
    [InlineData("0", "0", "")]
    public void Compute_ReferenceVector_MatchesNode(string id, string radix36, string token)
    {
        Assert.Equal(radix36, SyndicationToken.ToRadix36(double.Parse(id, System.Globalization.CultureInfo.InvariantCulture) / 1e15 * Math.PI));
        Assert.Equal(token, SyndicationToken.Compute(id));
    }

    [Fact]
    public void Compute_NeighbouringIdsAbove2To53_ShareTheToken() =>
        Assert.Equal(SyndicationToken.Compute("1888888888888888888"), SyndicationToken.Compute("1888888888888888801"));

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(36.0, "10")]
    [InlineData(0.5, "0.i")]
    [InlineData(35.5, "z.i")]
    public void ToRadix36_SimpleValues_MatchV8(double value, string expected) =>
        Assert.Equal(expected, SyndicationToken.ToRadix36(value));

    [Theory]
    [InlineData("")]
    [InlineData("12a4")]
    [InlineData("-5")]
    [InlineData(" 123")]
    [InlineData("1234567890123456789012345678901234567890123")]
    public void Compute_NotAnId_Throws(string id) =>
        Assert.Throws<ArgumentException>(() => SyndicationToken.Compute(id));
}
