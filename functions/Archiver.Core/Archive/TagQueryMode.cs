namespace Archiver.Archive;

/// <summary>How <see cref="TagIndex"/> answers the archive's blob index tag queries (<c>Archiver:Storage:TagQueries</c>).</summary>
public enum TagQueryMode
{
    /// <summary>The service's tag index, except on Azurite (the storage emulator), which is listed instead.</summary>
    Auto,

    /// <summary>Always the service's tag index (Find Blobs by Tags): the cost follows the matches.</summary>
    Index,

    /// <summary>Always a listing of the blobs the query is about, with their tags, filtered in the app.</summary>
    Listing,
}
