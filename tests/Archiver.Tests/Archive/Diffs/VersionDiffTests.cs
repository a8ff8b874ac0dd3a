using Archiver.Archive;

namespace Archiver.Tests.Archive;

public sealed class VersionDiffTests
{
    [Theory]
    [InlineData("The bridge is closed.", "The bridge is open again.")]
    [InlineData("", "Something new")]
    [InlineData("Gone text", "")]
    [InlineData("Same 🚀 text", "Same 🚀 text")]
    [InlineData("a b c d e", "a x c y e f")]
    public void TextDiff_AnyTwoTexts_RunsRebuildBothSides(string from, string to)
    {
        var diff = TextDiff.Between(from, to);

        Assert.Equal(from, string.Concat(diff.Runs.Where(r => r.Op != "inserted").Select(r => r.Text)));
        Assert.Equal(to, string.Concat(diff.Runs.Where(r => r.Op != "deleted").Select(r => r.Text)));
        Assert.Equal(from != to, diff.Changed);
    }

    [Fact]
    public void TextDiff_OneWordChanged_OnlyThatWordDeletedAndInserted()
    {
        var diff = TextDiff.Between("The bridge is closed tonight.", "The bridge is open tonight.");

        Assert.Equal(["closed"], diff.Runs.Where(r => r.Op == "deleted").Select(r => r.Text.Trim()));
        Assert.Equal(["open"], diff.Runs.Where(r => r.Op == "inserted").Select(r => r.Text.Trim()));
    }
}
