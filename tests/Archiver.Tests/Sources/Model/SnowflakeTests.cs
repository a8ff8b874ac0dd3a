using Archiver.Sources;

namespace Archiver.Tests.Sources;

public sealed class SnowflakeTests
{
    [Theory]
    [InlineData("1888888888888888888", "2025-02-10T09:52:59.626Z")]
    [InlineData("2000000000000000000", "2025-12-14T00:28:52.860Z")]
    [InlineData("30000000000", "2010-11-04T01:43:01.809Z")]
    public void TryGetTimestamp_SnowflakeId_GivesItsInstant(string id, string expected)
    {
        Assert.True(Snowflake.TryGetTimestamp(id, out var timestamp));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), timestamp);
        Assert.Equal(TimeSpan.Zero, timestamp.Offset);
    }

    [Theory]
    [InlineData("20")]
    [InlineData("29999999999")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("12x")]
    [InlineData("-1888888888888888888")]
    [InlineData("99999999999999999999")]
    public void TryGetTimestamp_PreSnowflakeOrNotAnId_IsFalse(string? id) =>
        Assert.False(Snowflake.TryGetTimestamp(id, out _));
}
