// Advocacy Hub in one resource group: App Service (Linux, Node 22 LTS, several instances) hosting
// the bot, the tab and its API; a Storage account (tables + queues) reached with the web app's
// system-assigned managed identity only; the Azure Bot registration with the Teams and Microsoft 365
// (Viva Connections) channels; Log Analytics + Application Insights. infra/README.md lists why.
// Deployed by `teamsapp provision` (arm/deploy); outputs become Teams Toolkit env variables.
// No output carries a key or a secret; storage account keys are disabled altogether.

@description('Base name for the resources: lowercase letters and digits.')
@minLength(4)
@maxLength(20)
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU: B1 is enough for a pilot; P0v3 or larger in production.')
param webAppSku string = 'B1'

@description('Instances the plan runs (scale-out). Every instance serves bot, tab, API and clicks; state lives in Storage. B1 allows up to 3, P0v3 up to 30.')
@minValue(1)
@maxValue(30)
param instanceCount int = 2

@description('Azure Bot pricing tier.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Identity the bot authenticates with: the Entra app from botAadApp/create (SingleTenant), or the user-assigned managed identity below (UserAssignedMSI, no secret at all; Azure Bot accepts only a user-assigned identity).')
@allowed(['SingleTenant', 'UserAssignedMSI'])
param botAppType string = 'SingleTenant'

@description('Client id of the bot Entra app (BOT_ID). Ignored with UserAssignedMSI.')
param botAadAppClientId string = ''

@description('Client secret of the bot Entra app (SECRET_BOT_PASSWORD). Empty with UserAssignedMSI.')
@secure()
param botAadAppClientSecret string = ''

param botDisplayName string = 'Advocacy Hub'

@description('Key of the keyed hash that identifies a click\'s visitor (SECRET_CLICK_KEY, at least 32 characters; keep it stable so daily repeat visits stay one click).')
@secure()
param clickKey string

@description('Key of the tag in every tracked-link and share-prompt code (SECRET_LINK_CODE_KEY, at least 32 characters; keep it stable: codes made with one key fail with another).')
@secure()
param linkCodeKey string

@description('Key material of the encryption of secrets stored in Settings, e.g. the tenants\' webhook keys (SETTINGS_ENCRYPTION_KEY, at least 32 characters; keep it stable: keys stored with one cannot be read with another).')
@secure()
param settingsEncryptionKey string

@description('Client id and tenant of the tab SSO Entra app (aad.manifest.json).')
param aadAppClientId string
param aadAppTenantId string = tenant().tenantId

@description('Prefix of the table names the app creates.')
param storageTablePrefix string = 'ah'

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param storageSku string = 'Standard_LRS'

@description('AI writing help (optional, docs/admin.md): an Azure OpenAI endpoint and its chat model deployment, both or neither. The app calls it with its managed identity: give the web app the "Cognitive Services OpenAI User" role on that resource.')
param azureOpenAiEndpoint string = ''
param azureOpenAiDeployment string = ''

var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var webAppName = take('${resourceBaseName}-${suffix}', 60)
var storageAccountName = take('st${replace(toLower(resourceBaseName), '-', '')}${suffix}', 24)
var useMsi = botAppType == 'UserAssignedMSI'
var roleIds = {
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
}

// Used only as the bot's identity with botAppType UserAssignedMSI. Storage is reached with the web
// app's system-assigned identity (the role assignments below), never with this one or with keys.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${resourceBaseName}'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${resourceBaseName}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${resourceBaseName}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: { name: storageSku }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    accessTier: 'Hot'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, webApp.id, roleIds.storageTableDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageTableDataContributor)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, webApp.id, roleIds.storageQueueDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageQueueDataContributor)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-${resourceBaseName}'
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

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      alwaysOn: true
      appCommandLine: 'node dist/server/bot/index.js'
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
    }
  }
}

var botId = useMsi ? identity.properties.clientId : botAadAppClientId

var publicUrlSetting = {
  PUBLIC_BASE_URL: 'https://${webApp.properties.defaultHostName}'
}

var baseSettings = {
  NODE_ENV: 'production'
  HOST: '0.0.0.0'
  AUTH_MODE: 'entra'
  STORAGE_ACCOUNT_NAME: storage.name
  STORAGE_TABLE_PREFIX: storageTablePrefix
  // No client id setting: DefaultAzureCredential then uses the system-assigned identity for Storage.
  BOT_ID: botId
  BOT_TENANT_ID: tenant().tenantId
  AAD_APP_CLIENT_ID: aadAppClientId
  AAD_APP_TENANT_ID: aadAppTenantId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  // Application Insights auto-instrumentation of the Node app on Linux (requests, dependencies, logs).
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
  LOG_LEVEL: 'info'
  // Deploy ships dist/ and the lockfile; the platform installs production dependencies only.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
  CUSTOM_BUILD_COMMAND: 'npm ci --omit=dev --ignore-scripts'
}

// A separate resource so the settings can use the site's own host name. Without a password the
// app authenticates the bot with the managed identity (src/bot/teams/app.ts), so none is set.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  dependsOn: [tableRole, queueRole]
  properties: union(baseSettings, publicUrlSetting, { SECRET_CLICK_KEY: clickKey, SECRET_LINK_CODE_KEY: linkCodeKey, SETTINGS_ENCRYPTION_KEY: settingsEncryptionKey }, useMsi ? {} : { SECRET_BOT_PASSWORD: botAadAppClientSecret }, empty(azureOpenAiEndpoint) ? {} : { AZURE_OPENAI_ENDPOINT: azureOpenAiEndpoint, AZURE_OPENAI_DEPLOYMENT: azureOpenAiDeployment })
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${resourceBaseName}-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botId
    msaAppType: botAppType
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: useMsi ? identity.id : null
    disableLocalAuth: false
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

// Viva Connections dashboard cards reach the bot through the Microsoft 365 channel.
resource m365Channel 'Microsoft.BotService/botServices/channels@2023-09-15-preview' = {
  parent: bot
  name: 'M365Extensions'
  location: 'global'
  properties: {
    channelName: 'M365Extensions'
  }
}

// Teams Toolkit writes each output into env/.env.<env> under the same name.
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output WEB_APP_NAME string = webApp.name
output STORAGE_ACCOUNT_NAME string = storage.name
output AZURE_BOT_NAME string = bot.name
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output WEB_APP_PRINCIPAL_ID string = webApp.identity.principalId
