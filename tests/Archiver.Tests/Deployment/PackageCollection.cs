namespace Archiver.Tests.Deployment;

/// <summary>The test classes that share one <see cref="DeploymentPackage"/> (one publish per run).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<DeploymentPackage>
{
    public const string Name = "Deployment package";
}
