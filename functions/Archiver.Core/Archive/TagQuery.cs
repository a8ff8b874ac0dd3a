namespace Archiver.Archive;

/// <summary>
/// A blob index tag query the archive runs: clauses joined by AND, about the blobs under <see cref="Prefix"/> (the
/// only ones that carry those tags), so that it can also be answered by listing that prefix.
/// </summary>
public sealed record TagQuery(string Prefix, IReadOnlyList<TagCondition> Conditions)
{
    public string Expression => string.Join(" AND ", Conditions.Select(c => c.Expression));

    public bool Matches(IDictionary<string, string>? tags) => tags is not null && Conditions.All(c => c.Matches(tags));
}
