import {defineRule} from '../rule'
import {keyed} from './patterns'
import {ALNUM, BASE32, BASE64, HEX, fake} from './synthetic'

const storageKey = (seed: string) => fake(BASE64, 86, seed) + '=='
const sasSig = (seed: string) => encodeURIComponent(fake(BASE64, 43, seed) + '=')

export const azureRules = [
  defineRule({
    id: 'azure-storage-account-key',
    description: 'Azure Storage / Cosmos DB account key in a connection string',
    severity: 'critical',
    regex: /AccountKey=([A-Za-z0-9+/]{86}==)/,
    keywords: ['accountkey='],
    entropy: 4.5,
    rotation:
      'Rotate the key in the Azure portal (Storage account > Security + networking > Access keys > Rotate key) or with `az storage account keys renew`, then update every consumer.',
    docs: 'https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage',
    truePositives: [
      `AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=billingprod;AccountKey=${storageKey('az-sk-1')};EndpointSuffix=core.windows.net"`,
      `"CosmosDb": "AccountEndpoint=https://orders.documents.azure.com:443/;AccountKey=${storageKey('az-sk-2')};"`
    ],
    falsePositives: [
      'DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=<account-key>;',
      `AccountKey=${'A'.repeat(86)}==`
    ]
  }),
  defineRule({
    id: 'azure-storage-account-key-assignment',
    description: 'Azure Storage account key assigned to a storage key setting',
    severity: 'critical',
    regex: keyed(
      String.raw`storage[_-]?(?:account[_-]?)?(?:access[_-]?)?key`,
      '[A-Za-z0-9+/]{86}=='
    ),
    keywords: ['storage'],
    entropy: 4.5,
    rotation:
      'Rotate the key in the Azure portal (Storage account > Access keys > Rotate key) or with `az storage account keys renew`, and prefer Microsoft Entra ID or SAS with expiry.',
    docs: 'https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage',
    truePositives: [
      `AZURE_STORAGE_KEY=${storageKey('az-sk-3')}`,
      `storage_account_key: "${storageKey('az-sk-4')}"`
    ],
    falsePositives: [
      'AZURE_STORAGE_KEY=$(az storage account keys list --query [0].value -o tsv)',
      `storage_key = "${fake(BASE64, 40, 'az-sk-5')}"`
    ]
  }),
  defineRule({
    id: 'azure-sas-token',
    description: 'Azure shared access signature (SAS) token with its signature',
    severity: 'high',
    regex:
      /\bsv=\d{4}-\d{2}-\d{2}&[^\s"'<>]{0,400}?\bsig=([A-Za-z0-9%+/]{43,90}={0,2})(?=[&\s"'<>]|$)/,
    keywords: ['sig='],
    entropy: 4,
    rotation:
      'Revoke the SAS by rotating the account key that signed it (or deleting the stored access policy it references) in the Azure portal, then issue a short-lived SAS.',
    docs: 'https://learn.microsoft.com/azure/storage/common/storage-sas-overview',
    truePositives: [
      `BLOB_URL=https://billingprod.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-12-31T00:00:00Z&spr=https&sig=${sasSig('sas-1')}`
    ],
    falsePositives: [
      'https://account.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-01-01&sig=<signature>',
      'https://account.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
    ]
  }),
  defineRule({
    id: 'azure-shared-access-key',
    description:
      'Azure Service Bus / Event Hubs / IoT Hub shared access key in a connection string',
    severity: 'high',
    regex: /SharedAccessKey=([A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)/,
    keywords: ['sharedaccesskey='],
    entropy: 4,
    rotation:
      'Regenerate the primary/secondary key of the shared access policy in the Azure portal (Namespace > Shared access policies) and update the connection strings.',
    docs: 'https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas',
    truePositives: [
      `SERVICEBUS_CONNECTION="Endpoint=sb://orders-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${fake(BASE64, 42, 'az-sak-1')}Q="`
    ],
    falsePositives: [
      'Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>',
      `SharedAccessKey=${'a'.repeat(42)}Q=`
    ]
  }),
  defineRule({
    id: 'azure-ad-client-secret',
    description: 'Microsoft Entra ID (Azure AD) application client secret',
    severity: 'critical',
    regex:
      /(?:^|[\\'"\x60\s>=:(,)])([a-zA-Z0-9_~.]{3}\dQ~[a-zA-Z0-9_~.-]{31,34})(?=$|[\\'"\x60\s<),])/,
    keywords: ['q~'],
    entropy: 3,
    rotation:
      'Delete the secret under Microsoft Entra ID > App registrations > Certificates & secrets, add a new one (or switch to a certificate / federated credential), and review sign-in logs.',
    docs: 'https://learn.microsoft.com/entra/identity-platform/howto-create-service-principal-portal',
    truePositives: [
      `AZURE_CLIENT_SECRET=${fake(ALNUM, 3, 'aad-1')}8Q~${fake(ALNUM + '_~.-', 34, 'aad-2')}`,
      `"clientSecret": "${fake(ALNUM, 3, 'aad-3')}7Q~${fake(ALNUM, 31, 'aad-4')}"`
    ],
    falsePositives: [
      'AZURE_CLIENT_SECRET=abc8Q~' + 'x'.repeat(34),
      `AZURE_CLIENT_SECRET=abc8Q~${fake(ALNUM, 10, 'aad-5')}`
    ]
  }),
  defineRule({
    id: 'azure-devops-pat',
    description: 'Azure DevOps personal access token',
    severity: 'high',
    regex: keyed(
      String.raw`azure[_-]?devops|ado[_-]?(?:pat|token)|azdo|vsts|system[_-]?accesstoken`,
      '[a-z2-7]{52}|[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}'
    ),
    keywords: [
      'azure_devops',
      'azure-devops',
      'azuredevops',
      'ado_pat',
      'ado_token',
      'azdo',
      'vsts',
      'accesstoken'
    ],
    entropy: 3.5,
    rotation:
      'Revoke the token at https://dev.azure.com/{organization}/_usersSettings/tokens (or ask an organization admin to revoke it) and create a new one with the narrowest scope.',
    docs: 'https://learn.microsoft.com/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate',
    truePositives: [
      `AZURE_DEVOPS_PAT=${fake(BASE32.toLowerCase(), 52, 'ado-1')}`,
      `azdo_token: "${fake(ALNUM, 76, 'ado-2')}AZDO${fake(ALNUM, 4, 'ado-3')}"`
    ],
    falsePositives: ['AZURE_DEVOPS_PAT=$(System.AccessToken)', `AZURE_DEVOPS_PAT=${'a'.repeat(52)}`]
  }),
  defineRule({
    id: 'azure-app-configuration-connection-string',
    description: 'Azure App Configuration connection string secret',
    severity: 'high',
    regex: /Endpoint=https:\/\/[\w-]+\.azconfig\.io;Id=[^;\s]{4,80};Secret=([A-Za-z0-9+/]{43}=)/,
    keywords: ['azconfig.io'],
    entropy: 4,
    rotation:
      'Regenerate the access key in the Azure portal (App Configuration > Access settings > Regenerate) and update consumers; prefer managed identity.',
    docs: 'https://learn.microsoft.com/azure/azure-app-configuration/howto-disable-access-key-authentication',
    truePositives: [
      `APP_CONFIG="Endpoint=https://shop-config.azconfig.io;Id=${fake(ALNUM, 4, 'azc-1')}-l0-s0:${fake(ALNUM, 20, 'azc-2')};Secret=${fake(BASE64, 43, 'azc-3')}="`
    ],
    falsePositives: ['Endpoint=https://shop.azconfig.io;Id=xxxx;Secret=<secret>']
  }),
  defineRule({
    id: 'azure-openai-api-key',
    description: 'Azure OpenAI / Azure AI services key',
    severity: 'high',
    regex: keyed(
      String.raw`azure[_-]?(?:openai|cognitive|ai)[\w-]{0,20}?(?:key|secret)`,
      '[a-f0-9]{32}'
    ),
    keywords: ['azure'],
    entropy: 3,
    rotation:
      'Regenerate Key 1/Key 2 in the Azure portal (resource > Resource Management > Keys and Endpoint) and prefer Microsoft Entra ID authentication.',
    docs: 'https://learn.microsoft.com/azure/ai-services/authentication',
    truePositives: [`AZURE_OPENAI_API_KEY=${fake(HEX, 32, 'aoai-1')}`],
    falsePositives: [
      'AZURE_OPENAI_API_KEY=00000000000000000000000000000000',
      'AZURE_OPENAI_API_KEY=<your-key>'
    ]
  })
]
