namespace Archiver.Sources;

/// <summary>Why a source says a tweet cannot be seen. Only ever a source's answer; deletion is concluded elsewhere.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(SnakeCaseEnumConverter<Unavailability>))]
public enum Unavailability
{
    Deleted,
    Suspended,
    Protected,
    AgeRestricted,
    Withheld,
    NotFound,
}
