using System.Net;
using System.Text;
using System.Text.Json;
using Archiver.Tests.Infrastructure;

namespace Archiver.Tests.Endpoints;

/// <summary>README's worked examples are what the app answers today.</summary>
public sealed class ReadmeExampleTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PostExtract_SeedArticle_AnswersReadmesExampleForItsFirstCitation_Issue13()
    {
        var example = ReadmeExtractExample();
        await using var app = await ArchiverApp.StartAsync(azurite);
        var text = await File.ReadAllTextAsync(RepositoryPaths.SeedArticle, TestContext.Current.CancellationToken);

        var response = await app.Client().PostAsync(
            "/api/extract", new StringContent(text, Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var answer = body.RootElement;
        Assert.Equal(example.GetProperty("format").GetString(), answer.GetProperty("format").GetString());
        Assert.Equal(example.GetProperty("count").GetInt32(), answer.GetProperty("count").GetInt32());
        var documented = example.GetProperty("citations")[0];
        var actual = answer.GetProperty("citations")[0];
        Assert.True(JsonElement.DeepEquals(documented, actual), $"README shows\n{documented}\nbut the app answers\n{actual}");
    }

    /// <summary>The JSON block under "Finding citations", its elided tail ("…") cut so that it parses.</summary>
    private static JsonElement ReadmeExtractExample()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var section = readme.IndexOf("### Finding citations", StringComparison.Ordinal);
        var start = readme.IndexOf("```json\n", section, StringComparison.Ordinal) + "```json\n".Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        var block = readme[start..end];
        var elided = block.IndexOf(",\n  … ] }", StringComparison.Ordinal);
        Assert.True(section >= 0 && elided >= 0, "README's extract example is not where this test looks for it.");
        using var document = JsonDocument.Parse(block[..elided] + " ] }");
        return document.RootElement.Clone();
    }
}
