namespace Archiver.Citations;

/// <summary>Why a candidate is not a citation; <see cref="Rejection"/> turns it into a message.</summary>
internal enum RejectionReason
{
    None,
    NoHost,
    NotOurHost,
    NoPath,
    EmailOrMention,
    CashtagOrHashtag,
    InsideOtherUrl,
    UnknownScheme,
    GluedToWord,
    TextAfterUrl,
    NotStatusPage,
    ScreenNameTooLong,
    NoId,
    IdTooLong,
    IdRunsOn,
    IdOutOfRange,
    ShortLinkNotStatus,
    NotShortLink,
    NoCode,
    CodeTooLong,
    CodeRunsOn,
    NoHandle,
    NoDate,
    NoDash,
    NoSignature,
    TextAfterSignature,
}
