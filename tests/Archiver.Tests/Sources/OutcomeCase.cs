using Archiver.Sources;

namespace Archiver.Tests.Sources;

/// <summary>One parser case: an exchange and the outcome it must give. Built by the one-line helpers below.</summary>
internal sealed record OutcomeCase(string Name, UpstreamExchange Exchange, string Kind, Unavailability? Reason = null, string? Error = null, string? Wording = null)
{
    public static OutcomeCase Found(string name, UpstreamExchange exchange) => new(name, exchange, nameof(TweetFound));

    public static OutcomeCase Unavailable(string name, UpstreamExchange exchange, Unavailability reason, string? wording = null) =>
        new(name, exchange, nameof(TweetUnavailable), reason, Wording: wording);

    /// <param name="error">The exact error when it matters, or a fragment it must contain.</param>
    public static OutcomeCase Failed(string name, UpstreamExchange exchange, string error) =>
        new(name, exchange, nameof(SourceFailed), Error: error);

    public void Check(SourceOutcome outcome, string source)
    {
        Assert.Equal(Kind, outcome.GetType().Name);
        Assert.Equal(source, outcome.Source);
        Assert.Same(Exchange, Assert.Single(outcome.Evidence));
        switch (outcome)
        {
            case TweetUnavailable unavailable:
                Assert.Equal(Reason, unavailable.Reason);
                Assert.Equal(Wording, unavailable.Wording);
                break;
            case SourceFailed failed:
                Assert.Contains(Error!, failed.Error, StringComparison.Ordinal);
                break;
        }
    }

    public static void AssertUniqueNames(IEnumerable<OutcomeCase> cases)
    {
        var duplicates = cases.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }
}
