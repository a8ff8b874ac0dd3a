using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Archiver.Sources;

/// <summary>
/// A fingerprint of what a reader would call the tweet, to tell whether its content changed between two captures.
/// <para>
/// Included, in this order, as one canonical JSON object (UTF-8, no whitespace, members always present, null when
/// absent): the schema <c>"archiver.tweet-content/1"</c>; <c>text</c>; <c>author</c> name and handle (as written: a
/// change of case is a change); <c>media</c> in order, each as kind and identity (the photo key, the video's media id,
/// or the URL without its query, so the size or variant chosen does not matter); <c>quoted</c> and <c>parent</c> ids;
/// <c>card</c> title, description, URL and image URL; <c>links</c>' expanded URLs in order (the t.co URL when there is
/// no expansion).
/// </para>
/// <para>
/// Left out: the id (constant for one tweet; a retweet id can come back as the original's), counts, language,
/// dates, edit metadata, sensitivity flags, verification, and the profile image (avatars change without the tweet
/// changing, and their URLs are per-upload), alt text and media dimensions (sources disagree on them). Media bytes are
/// hashed by the archiver separately.
/// </para>
/// </summary>
internal static class TweetContent
{
    public const string Schema = "archiver.tweet-content/1";

    /// <summary>Lower-case hex SHA-256 of <see cref="Canonical"/>.</summary>
    public static string Hash(TweetData tweet) =>
        Convert.ToHexStringLower(SHA256.HashData(Canonical(tweet)));

    /// <summary>The canonical UTF-8 JSON the hash is taken over.</summary>
    public static byte[] Canonical(TweetData tweet)
    {
        ArgumentNullException.ThrowIfNull(tweet);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteString("text", tweet.Text);

            json.WritePropertyName("author");
            if (tweet.Author is { } author)
            {
                json.WriteStartObject();
                json.WriteString("name", author.Name);
                json.WriteString("handle", author.ScreenName);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteStartArray("media");
            foreach (var media in tweet.Media)
            {
                json.WriteStringValue(MediaUrls.Identity(media));
            }

            json.WriteEndArray();
            json.WriteString("quoted", tweet.QuotedTweetId);
            json.WriteString("parent", tweet.ParentTweetId);

            json.WritePropertyName("card");
            if (tweet.Card is { } card)
            {
                json.WriteStartObject();
                json.WriteString("title", card.Title);
                json.WriteString("description", card.Description);
                json.WriteString("url", card.Url);
                json.WriteString("image", card.ImageUrl);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteStartArray("links");
            foreach (var link in tweet.Links)
            {
                json.WriteStringValue(link.ExpandedUrl ?? link.Url);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
