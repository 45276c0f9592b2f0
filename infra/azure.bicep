// Honbu on Azure (docs/deploy.md): an Azure Bot registration with the Teams channel, a Linux
// App Service on Node 20 that runs `npm run stage`'s folder with start:prod's command, a Key
// Vault for the secrets (read by the web app's managed identity) and Azure Database for
// PostgreSQL Flexible Server, which the instances share. Deployed by the Agents Toolkit's
// arm/deploy (m365agents.yml) with infra/azure.parameters.json; the outputs flow back into
// env/.env.<environment> and fill the Teams app manifest.

@minLength(4)
@maxLength(20)
@description('Prefix of every resource name; letters and digits only.')
param resourceBaseName string

param location string = resourceGroup().location

@description('Client id of the Entra app the bot and the tab SSO use (aadApp/create).')
param botAadAppClientId string

@secure()
@description('Client secret of that Entra app; stored in Key Vault, never in app settings.')
param botAadAppClientSecret string

param botDisplayName string = 'Honbu'

@allowed([
  'F0'
  'S1'
])
@description('F0 is free for Teams (a standard channel); S1 for premium channels only.')
param botServiceSku string = 'F0'

@description('App Service plan size. P0v3 or larger for production (B1 has no autoscale).')
param webAppSku string = 'P0v3'

@minValue(1)
@maxValue(10)
@description('Instances of the bot; more than one needs PostgreSQL (docs/postgres.md).')
param instanceCount int = 2

@description('Administrator login of the PostgreSQL server (not the role Honbu connects with).')
param postgresAdminLogin string = 'honbuadmin'

@secure()
param postgresAdminPassword string

@description('PostgreSQL compute: Burstable B1ms suits one city; GeneralPurpose for heavy use.')
param postgresSkuName string = 'Standard_B1ms'
param postgresSkuTier string = 'Burstable'

@description('Time zone of reminders and of the dates users read (HONBU_TIME_ZONE).')
param timeZone string = 'Asia/Tokyo'

var tenantId = subscription().tenantId
var webAppName = '${resourceBaseName}-bot'
var keyVaultName = '${resourceBaseName}-kv'
var postgresServerName = '${resourceBaseName}-pg'
var host = '${webAppName}.azurewebsites.net'
var appIdUri = 'api://${host}/${botAadAppClientId}'
// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'bot-password'
  properties: {
    value: botAadAppClientSecret
  }
}

resource serverFarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

// Key Vault references: App Service resolves them with the web app's identity. store-url and
// link-signing-secret are set once by hand (docs/deploy.md), so they never pass through here.
var secretRefPrefix = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName='

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: serverFarm.id
    httpsOnly: true
    // Every instance can serve every request (state is in PostgreSQL): no sticky sessions.
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // start:prod's command; the deployed folder already holds the runtime dependencies.
      appCommandLine: 'node --max-semi-space-size=1 --heap-growing-percent=50 dist/src/main.js'
      alwaysOn: true
      // Instances that fail /readyz (store unreachable) get no traffic until they recover.
      healthCheckPath: '/readyz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
        {
          name: 'NODE_ENV'
          value: 'production'
        }
        {
          name: 'PUBLIC_BASE_URL'
          value: 'https://${host}'
        }
        {
          name: 'MicrosoftAppId'
          value: botAadAppClientId
        }
        {
          name: 'MicrosoftAppPassword'
          value: '${secretRefPrefix}bot-password)'
        }
        {
          name: 'MicrosoftAppType'
          value: 'SingleTenant'
        }
        {
          name: 'MicrosoftAppTenantId'
          value: tenantId
        }
        {
          name: 'TAB_SSO_APP_ID_URI'
          value: appIdUri
        }
        {
          name: 'STORE_URL'
          value: '${secretRefPrefix}store-url)'
        }
        {
          name: 'LINK_SIGNING_SECRET'
          value: '${secretRefPrefix}link-signing-secret)'
        }
        {
          name: 'SEED_DEMO'
          value: 'false'
        }
        {
          name: 'HONBU_TIME_ZONE'
          value: timeZone
        }
        {
          name: 'LOG_LEVEL'
          value: 'info'
        }
      ]
    }
  }
}

resource webAppReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, webApp.id, keyVaultSecretsUserRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: postgresServerName
  location: location
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: 32
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource honbuDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: 'honbu'
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0 is Azure's notation for "services inside Azure": the web app reaches the server, the
// internet does not. Use a virtual network (docs/deploy.md) to close it further.
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${host}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Names the Agents Toolkit writes into env/.env.<environment>; manifest/manifest.json uses them.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = host
output BOT_ENDPOINT string = 'https://${host}'
output HOST string = host
output BASE_URL string = 'https://${host}'
output APP_ID_URI string = appIdUri
output KEY_VAULT_NAME string = keyVault.name
output POSTGRES_HOST string = postgres.properties.fullyQualifiedDomainName
