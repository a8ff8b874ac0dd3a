using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Archiver.Functions.Articles;

/// <summary>The charsets an article may be sent in: UTF-8 by default, and whatever else .NET decodes (not UTF-7).</summary>
internal static class ArticleCharsets
{
    /// <summary>Named in the 415 answer; each of them decodes (a test checks).</summary>
    public static readonly string[] Examples =
        ["utf-8", "utf-16", "utf-16be", "utf-32", "us-ascii", "iso-8859-1", "windows-1252", "iso-8859-2", "koi8-r", "shift_jis", "euc-jp", "gb2312", "big5", "euc-kr"];

    public static string Accepted =>
        $"Send UTF-8 (the default when no charset is given) or another charset such as {string.Join(", ", Examples.Skip(1))}.";

    public static bool TryGet(string? charset, [NotNullWhen(true)] out Encoding? encoding)
    {
        encoding = null;
        if (string.IsNullOrWhiteSpace(charset))
        {
            encoding = new UTF8Encoding(false);
            return true;
        }

        try
        {
            encoding = Encoding.GetEncoding(charset.Trim('"', ' '));
            return encoding.CodePage != 65000; // UTF-7: obsolete and unsafe, whichever way it was reached.
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
