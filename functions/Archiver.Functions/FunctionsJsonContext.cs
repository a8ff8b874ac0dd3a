using System.Text.Json;
using System.Text.Json.Serialization;
using Archiver.Functions.Articles;
using Archiver.Functions.Endpoints;
using Archiver.Functions.Errors;
using Archiver.Functions.Hosting;

namespace Archiver.Functions;

/// <summary>Every type the API reads or writes, serialized without reflection (camelCase, nulls kept).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(ExtractResponse))]
[JsonSerializable(typeof(SubmissionView))]
[JsonSerializable(typeof(SubmissionListView))]
[JsonSerializable(typeof(Archiver.Progress.ProgressStep))]
[JsonSerializable(typeof(TweetView))]
[JsonSerializable(typeof(TweetListView))]
[JsonSerializable(typeof(Archiver.Archive.VersionDiff))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(AdminInvocation))]
internal sealed partial class FunctionsJsonContext : JsonSerializerContext;
