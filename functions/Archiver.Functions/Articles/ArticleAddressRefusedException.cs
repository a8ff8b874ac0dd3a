namespace Archiver.Functions.Articles;

/// <summary>The article fetcher's connect step found a non-public address: the message says which and why.</summary>
internal sealed class ArticleAddressRefusedException(string message) : Exception(message);
