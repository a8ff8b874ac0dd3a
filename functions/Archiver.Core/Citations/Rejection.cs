namespace Archiver.Citations;

/// <summary>
/// Why a candidate was rejected, and the span of the text it is about. Cheap to make (scanners reject most
/// candidates and never read it); <see cref="Message"/> writes the text users see when a single URL or signature
/// is parsed, quoting the input.
/// </summary>
/// <param name="UrlPathStart">When set, the span runs from <see cref="Start"/> to the end of the URL whose path starts there (found only when the message is written).</param>
internal readonly record struct Rejection(RejectionReason Reason, string Text, int Start, int Length, int UrlPathStart = -1)
{
    private const int MaxQuotedUrl = 120;

    public static Rejection None => default;

    private string Quoted => UrlPathStart < 0
        ? Text.Substring(Start, Length)
        : Text[Start..Math.Min(UrlTail.Extend(Text, Math.Min(UrlPathStart, Text.Length)), Start + MaxQuotedUrl)];

    public string Message => Reason switch
    {
        RejectionReason.NoHost => $"'{Quoted}' has no host.",
        RejectionReason.NotOurHost => $"'{Quoted}' is not an X/Twitter host.",
        RejectionReason.NoPath => $"'{Quoted}' is not followed by a path.",
        RejectionReason.EmailOrMention => $"'{Quoted}' is an e-mail address or a mention, not a link.",
        RejectionReason.CashtagOrHashtag => $"'{Quoted}' follows '{Quoted[0]}', so it is a cashtag or hashtag, not a link.",
        RejectionReason.InsideOtherUrl => $"'{Quoted}' sits inside the path of another URL.",
        RejectionReason.UnknownScheme => $"'{Quoted}' has a scheme other than http or https.",
        RejectionReason.GluedToWord => $"'{Quoted}' is glued to the word before it.",
        RejectionReason.TextAfterUrl => $"'{Quoted}' has text after the URL.",
        RejectionReason.NotStatusPage => $"'{Quoted}' is a profile, hashtag, search, list, moment, Space or other page, not a status.",
        RejectionReason.ScreenNameTooLong => $"'{Quoted}' is longer than a screen name ({StatusUrlParser.MaxScreenNameLength} characters).",
        RejectionReason.NoId => $"'{Quoted}' has no status id.",
        RejectionReason.IdTooLong => $"The id '{Quoted}' has {Length} digits; a status id has at most {StatusUrlParser.MaxIdDigits}.",
        RejectionReason.IdRunsOn => $"The id '{Quoted[..^1]}' runs into '{Quoted[^1]}'; an id ends at a word boundary.",
        RejectionReason.IdOutOfRange => $"The id '{Quoted}' is outside the range of status ids (1 to {long.MaxValue}).",
        RejectionReason.ShortLinkNotStatus => $"'{Quoted}' is a short link, not a status URL.",
        RejectionReason.NotShortLink => $"'{Quoted}' is not a short link (t.co, pic.twitter.com or pic.x.com).",
        RejectionReason.NoCode => $"'{Quoted}' has no short-link code.",
        RejectionReason.CodeTooLong => $"The code '{Quoted}' has {Length} characters; a short-link code has at most {ShortLinkParser.MaxCodeLength}.",
        RejectionReason.CodeRunsOn => $"The code '{Quoted[..^1]}' runs into '{Quoted[^1]}'; a code ends at a word boundary.",
        RejectionReason.NoHandle => $"'{Quoted}' has no '(@handle)' of 1 to {StatusUrlParser.MaxScreenNameLength} letters, digits or '_'.",
        RejectionReason.NoDate => $"'{Quoted}' has no date right after the handle, so it is not an embed's signature.",
        RejectionReason.NoDash => $"'{Quoted}' has no dash before the display name, so it is not an embed's signature.",
        RejectionReason.NoSignature => $"'{Quoted}' holds no '(@handle)' followed by a date.",
        RejectionReason.TextAfterSignature => $"'{Quoted}' has text after the signature's date.",
        _ => "The candidate was accepted.",
    };

    /// <summary>A rejection about up to 40 characters on each side of <paramref name="index"/>.</summary>
    public static Rejection Around(RejectionReason reason, string text, int index)
    {
        var start = Math.Max(0, index - 40);
        var end = Math.Min(text.Length, index + 40);
        return new Rejection(reason, text, start, end - start);
    }

    /// <summary>A rejection about the text from <paramref name="start"/> to the end of the URL there (at most 120 characters).</summary>
    public static Rejection Url(RejectionReason reason, string text, int start, int pathStart) => new(reason, text, start, 0, pathStart);

    public static Rejection Whole(RejectionReason reason, string text) => new(reason, text, 0, text.Length);
}
