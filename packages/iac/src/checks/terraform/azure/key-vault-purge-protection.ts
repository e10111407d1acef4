import type {Check} from '../../../check'
import {attributeCheck} from '../attribute-check'
import {type TerraformDocument, requireTrue, tf} from '../helpers'

export const keyVaultPurgeProtection: Check<TerraformDocument> = attributeCheck({
  id: 'PG-TF-048',
  platform: 'terraform',
  severity: 'medium',
  title: 'Key Vault purge protection is off',
  description:
    'Without purge protection a deleted vault and its keys can be purged at once, destroying data encrypted with them (CIS Azure 8.5).',
  remediation: 'Set purge_protection_enabled = true.',
  docs: 'https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview#purge-protection',
  aliases: ['CKV_AZURE_110', 'azure-keyvault-no-purge', 'AVD-AZU-0016'],
  resourceTypes: ['azurerm_key_vault'],
  attribute: 'purge_protection_enabled',
  rule: requireTrue,
  fail: {
    ...tf(`resource "azurerm_key_vault" "main" {
  name                = "example-kv"
  location            = "westeurope"
  resource_group_name = "rg"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
`),
    lines: [1]
  },
  pass: tf(`resource "azurerm_key_vault" "main" {
  name                     = "example-kv"
  location                 = "westeurope"
  resource_group_name      = "rg"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  purge_protection_enabled = true
}
`)
})
