namespace Archiver.Sources;

/// <summary>What a media URL must deliver: an image (jpeg, png, webp, gif) or a video (mp4).</summary>
internal enum MediaContentKind
{
    Image,
    Video,
}
