namespace Archiver.Citations;

/// <summary>What a host name means to the citation finder.</summary>
internal enum HostKind
{
    /// <summary>Not a host whose links cite a tweet.</summary>
    None,

    /// <summary>X/Twitter or a front-end mirror: <c>/{user}/status/{id}</c> paths cite a tweet.</summary>
    Status,

    /// <summary><c>t.co</c>, <c>pic.twitter.com</c> or <c>pic.x.com</c>: <c>/{code}</c> is a short link.</summary>
    ShortLink,
}
