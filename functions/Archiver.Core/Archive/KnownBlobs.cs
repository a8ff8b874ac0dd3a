using Microsoft.Extensions.Caching.Memory;

namespace Archiver.Archive;

/// <summary>
/// Names of content-addressed blobs (<c>raw/</c>, <c>media/</c>) this process has seen stored. Their bytes never change
/// and the archive never deletes them, so a name known here needs no upload and no question to storage: a re-check
/// that meets the same video, avatar or empty redirect body again sends nothing for it. Bounded (a few megabytes): past
/// <see cref="Capacity"/> names the least recently used are forgotten, which only costs one more request.
/// </summary>
public sealed class KnownBlobs : IDisposable
{
    public const int Capacity = 20_000;

    private readonly MemoryCache names = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public bool Contains(string name) => names.TryGetValue(name, out _);

    public void Add(string name) => names.Set(name, true, new MemoryCacheEntryOptions { Size = 1 });

    public void Dispose() => names.Dispose();
}
