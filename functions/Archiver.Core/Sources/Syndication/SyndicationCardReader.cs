using System.Text.Json;

namespace Archiver.Sources;

/// <summary>
/// A link card from <c>card.binding_values</c>: an object keyed by name (syndication) or a list of <c>{key, value}</c>
/// pairs (the GraphQL shape). The image is the largest <c>image_value</c> by area.
/// </summary>
internal static class SyndicationCardReader
{
    public static TweetCard? Read(JsonElement? card)
    {
        if (card is not { } c)
        {
            return null;
        }

        var values = BindingValues(c);
        string? Text(string name) => values.TryGetValue(name, out var value) ? value.GetStringOrNull("string_value") : null;

        var image = values
            .Select(pair => (pair.Key, Image: pair.Value.GetObjectOrNull("image_value")))
            .Where(x => x.Image?.GetStringOrNull("url") is not null)
            .Select(x => (x.Key, Image: x.Image!.Value, Area: (long)(x.Image.Value.GetInt32OrNull("width") ?? 0) * (x.Image.Value.GetInt32OrNull("height") ?? 0)))
            .OrderByDescending(x => x.Area)
            .ThenBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => (JsonElement?)x.Image)
            .FirstOrDefault();

        return new TweetCard
        {
            Name = c.GetStringOrNull("name") ?? "",
            Url = Text("card_url") ?? c.GetStringOrNull("url"),
            Title = Text("title"),
            Description = Text("description"),
            Domain = Text("domain") ?? Text("vanity_url"),
            ImageUrl = image?.GetStringOrNull("url"),
            ImageAlt = image?.GetStringOrNull("alt"),
        };
    }

    private static Dictionary<string, JsonElement> BindingValues(JsonElement card)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        switch (card.GetMember("binding_values"))
        {
            case { ValueKind: JsonValueKind.Object } byName:
                foreach (var property in byName.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Object)
                    {
                        values[property.Name] = property.Value;
                    }
                }

                break;
            case { ValueKind: JsonValueKind.Array }:
                foreach (var pair in card.EnumerateArrayOrEmpty("binding_values"))
                {
                    if (pair.GetStringOrNull("key") is { } key && pair.GetObjectOrNull("value") is { } value)
                    {
                        values[key] = value;
                    }
                }

                break;
        }

        return values;
    }
}
