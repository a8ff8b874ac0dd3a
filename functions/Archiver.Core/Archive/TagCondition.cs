namespace Archiver.Archive;

/// <summary>One clause of a blob index tag query: a tag compared with a value, as strings in ordinal order.</summary>
public readonly record struct TagCondition(string Tag, string Operator, string Value)
{
    /// <summary>The clause in the service's query syntax, <c>"dueAt" &lt;= '2026-01-01T00:00:00Z'</c>.</summary>
    public string Expression => $"\"{Tag}\" {Operator} '{Value}'";

    /// <summary>Whether a blob with <paramref name="tags"/> meets the clause, as the service judges it: a missing tag never does.</summary>
    public bool Matches(IDictionary<string, string> tags)
    {
        if (!tags.TryGetValue(Tag, out var value))
        {
            return false;
        }

        var order = string.CompareOrdinal(value, Value);
        return Operator switch
        {
            "=" => order == 0,
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            ">=" => order >= 0,
            _ => throw new InvalidOperationException($"'{Operator}' is not a tag query operator."),
        };
    }
}
