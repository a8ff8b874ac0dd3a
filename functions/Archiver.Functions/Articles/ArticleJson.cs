using System.Text.Json;
using Archiver.Citations;

namespace Archiver.Functions.Articles;

/// <summary>
/// The JSON form of an upload: an object with exactly one of <c>"text"</c>, <c>"html"</c>, <c>"markdown"</c> or
/// <c>"url"</c> (the article is fetched from that address), a string. Every refusal names the member and what it holds
/// instead, in JSON's words.
/// </summary>
internal static class ArticleJson
{
    /// <summary>The members; a null format is <c>url</c>.</summary>
    private static readonly (string Name, ArticleFormat? Format)[] Members =
        [("text", ArticleFormat.Text), ("html", ArticleFormat.Html), ("markdown", ArticleFormat.Markdown), ("url", null)];

    /// <summary>The article or the address to fetch it from, or the reason (for a 400) why the body is neither.</summary>
    public static (Article? Article, string? Url, string? Code, string? Problem) Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return (null, null, "malformed_json", $"The body is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, "invalid_article", $"The JSON body must be an object such as {{\"text\": \"…\"}}; it is {Describe(root.ValueKind)}.");
            }

            var given = new List<(string Name, ArticleFormat? Format, string Value)>();
            foreach (var property in root.EnumerateObject())
            {
                var member = Members.FirstOrDefault(m => m.Name.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
                if (member.Name is null || property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    return (null, null, "invalid_article", $"\"{property.Name}\" must be a string holding the article{(member.Format is null ? "'s address" : "")}; it is {Describe(property.Value.ValueKind)}.");
                }

                given.Add((member.Name, member.Format, property.Value.GetString()!));
            }

            if (given.Count == 1)
            {
                return given[0].Format is { } format ? (new Article(given[0].Value, format), null, null, null) : (null, given[0].Value, null, null);
            }

            return (null, null, "invalid_article", $"The JSON body must hold exactly one of \"text\", \"html\", \"markdown\" or \"url\" as a string; it holds {(given.Count == 0 ? "none" : string.Join(" and ", given.Select(g => $"\"{g.Name}\"")))}.");
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        _ => "null",
    };
}
