using System.Text.Json;
using System.Text.RegularExpressions;

namespace Archiver.Tests.Deployment;

/// <summary>
/// infra/main.bicep builds and lints with no diagnostic at all (the CLI only warns about type errors and still exits
/// 0, so any warning fails here), and the compiled template keeps the promises the README makes: no storage keys, the
/// dotnet-isolated 10.0 runtime on Flex Consumption, identity-based connections.
/// </summary>
public sealed partial class BicepTemplateTests(BicepCli bicep) : IClassFixture<BicepCli>
{
    [Fact]
    public async Task MainBicep_Build_HasNoDiagnostics()
    {
        var (exitCode, output, error) = await bicep.BuildMainAsync();

        Assert.True(exitCode == 0, error);
        Assert.DoesNotMatch(Diagnostic(), error);
        using var _ = JsonDocument.Parse(output);
    }

    [Fact]
    public async Task MainBicep_Lint_HasNoDiagnostics()
    {
        var (exitCode, output, error) = await bicep.RunBicepAsync(["lint", BicepCli.MainTemplate], TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output + error);
        Assert.DoesNotMatch(Diagnostic(), output + error);
    }

    [Fact]
    public async Task BicepCli_UnknownProperty_ReportsAWarningTheChecksCatch()
    {
        // Guards the two checks above: a type error only warns, and the pattern must see it.
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():n}.bicep");
        await File.WriteAllTextAsync(broken, """
            resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
              name: 'plan'
              location: 'westeurope'
              sku: { tier: 'FlexConsumption', name: 'FC1' }
              properties: { reserved: true, notAProperty: true }
            }
            """, TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, _, error) = await bicep.RunBicepAsync(["build", broken, "--stdout"], TestContext.Current.CancellationToken);

            Assert.Equal(0, exitCode);
            Assert.Matches(Diagnostic(), error);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task MainBicep_Compiled_UsesIdentitiesAndTheIsolatedWorkerRuntime()
    {
        var (_, output, _) = await bicep.BuildMainAsync();
        using var arm = JsonDocument.Parse(output);
        var resources = Resources(arm.RootElement).ToArray();

        Assert.DoesNotContain("listKeys", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey", output, StringComparison.OrdinalIgnoreCase);

        var accounts = OfType(resources, "Microsoft.Storage/storageAccounts").ToArray();
        Assert.Equal(2, accounts.Length);
        Assert.All(accounts, account =>
        {
            var properties = account.GetProperty("properties");
            Assert.False(properties.GetProperty("allowSharedKeyAccess").GetBoolean());
            Assert.False(properties.GetProperty("allowBlobPublicAccess").GetBoolean());
            Assert.Equal("TLS1_2", properties.GetProperty("minimumTlsVersion").GetString());
        });

        var plan = Assert.Single(OfType(resources, "Microsoft.Web/serverfarms"));
        Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString());

        var site = Assert.Single(OfType(resources, "Microsoft.Web/sites"));
        var config = site.GetProperty("properties").GetProperty("functionAppConfig");
        Assert.Equal("dotnet-isolated", config.GetProperty("runtime").GetProperty("name").GetString());
        Assert.Equal("10.0", config.GetProperty("runtime").GetProperty("version").GetString());
        Assert.Equal("UserAssignedIdentity", config.GetProperty("deployment").GetProperty("storage").GetProperty("authentication").GetProperty("type").GetString());

        var settings = site.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .Select(s => s.GetProperty("name").GetString()!)
            .ToArray();
        Assert.Subset(
            new HashSet<string>(settings),
            new HashSet<string>
            {
                "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
                "AZURE_CLIENT_ID", "Archiver__Storage__AccountUrl", "Archiver__Recheck__Schedule",
                "APPLICATIONINSIGHTS_CONNECTION_STRING",
            });
        // Flex takes the runtime from functionAppConfig and refuses these; a plain AzureWebJobsStorage would be a key.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", settings);
        Assert.DoesNotContain("AzureWebJobsStorage", settings);

        var parameters = arm.RootElement.GetProperty("parameters");
        Assert.Equal("0 */15 * * * *", parameters.GetProperty("recheckSchedule").GetProperty("defaultValue").GetString());
        Assert.Equal(3, parameters.GetProperty("exportRetentionDays").GetProperty("defaultValue").GetInt32());
        var outputs = arm.RootElement.GetProperty("outputs");
        Assert.True(outputs.TryGetProperty("functionAppName", out _));
        Assert.True(outputs.TryGetProperty("endpoint", out _));
    }

    /// <summary>A diagnostic line as the CLI prints it: <c>file(line,col) : Warning BCP037: …</c>.</summary>
    [GeneratedRegex(@"\) : (Warning|Error) ")]
    private static partial Regex Diagnostic();

    private static IEnumerable<JsonElement> Resources(JsonElement template)
    {
        var resources = template.GetProperty("resources");
        return resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(p => p.Value)
            : resources.EnumerateArray();
    }

    private static IEnumerable<JsonElement> OfType(IEnumerable<JsonElement> resources, string type) =>
        resources.Where(r => r.GetProperty("type").GetString() == type);
}
