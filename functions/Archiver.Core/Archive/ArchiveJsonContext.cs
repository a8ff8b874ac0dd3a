using System.Text.Json;
using System.Text.Json.Serialization;

namespace Archiver.Archive;

/// <summary>How the archive's own JSON blobs are written: camelCase, enums as strings, nulls left out, indented for people.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Snapshot))]
[JsonSerializable(typeof(TweetState))]
public sealed partial class ArchiveJsonContext : JsonSerializerContext;

/// <summary>How submissions are stored: as the archive's blobs, but with nulls kept, since a citation's members are
/// all required (null meaning "not known", as the API shows them).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(Submission))]
public sealed partial class SubmissionJsonContext : JsonSerializerContext;
