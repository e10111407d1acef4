import type {Check} from '../../../check'
import {type TerraformDocument, resources, result, tf, toStringValue} from '../helpers'

export const keyVaultNetworkAcls: Check<TerraformDocument> = {
  id: 'PG-TF-050',
  platform: 'terraform',
  severity: 'medium',
  title: 'Key Vault is reachable from all networks',
  description:
    'Without network ACLs denying by default, the vault endpoint accepts requests from any address.',
  remediation:
    'Add network_acls { default_action = "Deny", bypass = "AzureServices" } with the allowed ranges, or a private endpoint.',
  docs: 'https://learn.microsoft.com/azure/key-vault/general/network-security',
  aliases: ['CKV_AZURE_109', 'azure-keyvault-specify-network-acl', 'AVD-AZU-0013'],
  run: doc =>
    resources(doc, 'azurerm_key_vault').flatMap(r => {
      if (toStringValue(r.value('public_network_access_enabled')) === 'false') return []
      const acls = r.block('network_acls')
      if (!acls) return [result(r)]
      const action = acls.attr('default_action')
      return action && toStringValue(action.value) === 'Allow' ? [result(r, action.line)] : []
    }),
  fail: {
    ...tf(`resource "azurerm_key_vault" "main" {
  name                = "example-kv"
  location            = "westeurope"
  resource_group_name = "rg"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
  network_acls {
    default_action = "Allow"
    bypass         = "AzureServices"
  }
}
`),
    lines: [8]
  },
  pass: tf(`resource "azurerm_key_vault" "main" {
  name                = "example-kv"
  location            = "westeurope"
  resource_group_name = "rg"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}
`)
}
