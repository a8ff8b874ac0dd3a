namespace Archiver.Tests.Chaos;

/// <summary>
/// The real changes a chaos run makes upstream after its re-check rounds, each on a tweet of its own: an edit (the new
/// text under <see cref="EditId"/>), a photo taken off a tweet with several, and a deletion.
/// </summary>
public sealed record ChaosChanges(string EditedId, string EditId, string EditText, string PhotoRemovedId, int PhotosLeft, string DeletedId)
{
    /// <summary>
    /// How many snapshot versions each tweet should have: one, and one more for the tweet whose media list changed and for
    /// the edited tweet, whose edit chain grew (its text stays: the new text is the new id's).
    /// </summary>
    public int ExpectedVersions(string id) => id == PhotoRemovedId || id == EditedId ? 2 : 1;
}
