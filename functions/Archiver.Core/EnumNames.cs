using System.Text.Json;

namespace Archiver;

/// <summary>An enum value as the contract spells it (snake case), for text built outside JSON serialization.</summary>
public static class EnumNames
{
    public static string Of<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
