using System.Text.Json;
using System.Text.Json.Serialization;

namespace Archiver;

/// <summary>Writes an enum as the contract spells its values: <c>not_a_tweet</c>, <c>age_restricted</c>.</summary>
public sealed class SnakeCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where T : struct, Enum;
