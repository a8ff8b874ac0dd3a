// Archiver on Azure Functions Flex Consumption: the .NET 10 isolated worker (runtime 'dotnet-isolated' 10.0), its host
// storage (identity-based AzureWebJobsStorage: keys, the timer's singleton lock and status) and deployment
// container, the archive storage account, one user-assigned identity for everything, Application Insights.
// No keys anywhere: both storage accounts refuse shared-key access and every connection goes through the identity.
// Raw resources only (no registry modules), so `bicep build` works offline. Deploy with infra/deploy.sh.

targetScope = 'resourceGroup'

@description('Short name used in every resource name (lower-case letters and digits).')
@minLength(3)
@maxLength(12)
param name string = 'archiver'

@description('Region of every resource. Flex Consumption is offered in a subset of regions.')
param location string = resourceGroup().location

@description('Instance memory of the Flex Consumption plan, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('NCRONTAB schedule (6 fields, UTC) of the RecheckLinks timer; its function.json reads %Archiver__Recheck__Schedule%.')
param recheckSchedule string = '0 */15 * * * *'

@description('Days after which built bundles under exports/ in the archive container are deleted.')
@minValue(1)
param exportRetentionDays int = 3

@description('Days Log Analytics keeps telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Tags put on every resource.')
param tags object = {}

var token = uniqueString(subscription().id, resourceGroup().id, name)
var appName = 'func-${name}-${token}'
var hostStorageName = take('sthost${token}', 24)
var archiveStorageName = take('starch${token}', 24)
var deploymentContainerName = 'app-package'
var archiveContainerName = 'archive'

// Azure built-in role definitions.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${name}-${token}'
  location: location
  tags: tags
}

// Observability: Application Insights on a Log Analytics workspace, Entra-only ingestion.

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: 'log-${name}-${token}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${name}-${token}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

resource appInsightsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Host storage (AzureWebJobsStorage): timer locks, function keys, and the deployment package container.

resource hostStorage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: hostStorageName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource hostBlobs 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: hostStorage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: hostBlobs
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource hostStorageOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hostStorage.id, identity.id, storageBlobDataOwner)
  scope: hostStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The archive: its own account, container 'archive', bundles under exports/ expire.

resource archiveStorage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: archiveStorageName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource archiveBlobs 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: archiveStorage
  name: 'default'
}

resource archiveContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: archiveBlobs
  name: archiveContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource archiveLifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2024-01-01' = {
  parent: archiveStorage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-exports'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${archiveContainerName}/exports/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: exportRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

// Storage Blob Data Owner, not Contributor: the due-date index needs blob index tags and Find Blobs by Tags.
resource archiveOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(archiveStorage.id, identity.id, storageBlobDataOwner)
  scope: archiveStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The function app: Flex Consumption, the isolated worker, run from the package in the deployment container.

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${name}-${token}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // Identity-based host storage: no connection string, no key.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: hostStorage.name
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identity.properties.clientId
        }
        // The handler: DefaultAzureCredential picks the user-assigned identity from AZURE_CLIENT_ID.
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'Archiver__Storage__AccountUrl'
          value: archiveStorage.properties.primaryEndpoints.blob
        }
        {
          name: 'Archiver__Storage__Container'
          value: archiveContainerName
        }
        {
          name: 'Archiver__Recheck__Schedule'
          value: recheckSchedule
        }
        // Telemetry of the host and of the handler, ingested with the identity (local auth is off).
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identity.properties.clientId};Authorization=AAD'
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${hostStorage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
  // The host reaches its storage with the identity from its first start: grant the roles first.
  dependsOn: [
    hostStorageOwner
    archiveOwner
    appInsightsPublisher
    deploymentContainer
  ]
}

@description('Name of the function app (for az functionapp commands).')
output functionAppName string = app.name

@description('Base URL of the API; routes are under /api.')
output endpoint string = 'https://${app.properties.defaultHostName}'

@description('Blob endpoint of the archive account.')
output archiveAccountUrl string = archiveStorage.properties.primaryEndpoints.blob

@description('Client id of the identity the app runs as.')
output identityClientId string = identity.properties.clientId
