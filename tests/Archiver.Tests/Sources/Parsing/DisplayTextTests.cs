using Archiver.Sources;

namespace Archiver.Tests.Sources;

public sealed class DisplayTextTests
{
    [Theory]
    [InlineData("a &amp; b", "a & b")]
    [InlineData("&lt;tag&gt; &quot;q&quot; &#39;s&#39; &apos;", "<tag> \"q\" 's' '")]
    [InlineData("&amp;lt; stays escaped once", "&lt; stays escaped once")]
    [InlineData("&amp;amp;", "&amp;")]
    [InlineData("&#128512; &#x1F600; &#X41;", "😀 😀 A")]
    [InlineData("&copy; &bogus; &amp &#0; &#xD800; &#x110000; &", "&copy; &bogus; &amp &#0; &#xD800; &#x110000; &")]
    [InlineData("no entities", "no entities")]
    public void Decode_Text_DecodesOnce(string escaped, string expected) =>
        Assert.Equal(expected, HtmlEntities.Decode(escaped));

    [Fact]
    public void Visible_EmojiOutsideBmp_CountsOneCodePoint()
    {
        // "🌊" is one code point but two UTF-16 units; the range [2, 5) is "🌊xy" in code points.
        Assert.Equal("🌊xy", DisplayText.Visible("ab🌊xyz", (2, 5), null));
    }

    [Fact]
    public void Visible_IndicesOnEscapedText_DecodeAfterSlicing()
    {
        // Indices count "&amp;" as five code points; decoding first would shift the slice.
        Assert.Equal("& more", DisplayText.Visible("x &amp; more tail", (2, 12), null));
    }

    [Fact]
    public void Visible_RangeReachingMedia_IsClippedAndTrimmed() =>
        Assert.Equal("see", DisplayText.Visible("see https://t.co/x", (0, 18), 4));

    [Fact]
    public void Visible_MediaOutsideRange_IsIgnored() =>
        Assert.Equal("see", DisplayText.Visible("see https://t.co/x", (0, 3), 4));

    [Fact]
    public void Visible_RangeBeyondText_IsClamped() =>
        Assert.Equal("bc", DisplayText.Visible("abc", (1, 99), null));

    [Fact]
    public void Visible_NoRange_IsWholeTextDecoded() =>
        Assert.Equal("a < b", DisplayText.Visible("a &lt; b", null, null));

    [Fact]
    public void CodePointOffsets_LoneSurrogate_CountsOne() =>
        Assert.Equal([0, 1, 2, 4], DisplayText.CodePointOffsets("a\uD800😀"));
}
