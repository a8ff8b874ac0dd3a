using System.Text.Json.Serialization;

namespace Archiver.Functions.Errors;

/// <summary>The one error shape of the API: <c>{"error": {"code", "message"}}</c> (DESIGN.md).</summary>
public sealed record ApiError([property: JsonPropertyName("error")] ApiErrorDetail Error)
{
    public static ApiError Of(string code, string message) => new(new ApiErrorDetail(code, message));
}

public sealed record ApiErrorDetail(string Code, string Message);
