import type {Check} from '../../../check'
import {type TerraformDocument, forbidFalse, resources, result, tf, toNumber} from '../helpers'

export const keyVaultSoftDelete: Check<TerraformDocument> = {
  id: 'PG-TF-049',
  platform: 'terraform',
  severity: 'medium',
  title: 'Key Vault soft delete is disabled or too short',
  description:
    'Soft delete is what lets a deleted key or secret be recovered; turning it off or shortening it below 7 days removes that safety net.',
  remediation:
    'Remove soft_delete_enabled = false and keep soft_delete_retention_days at 7 or more (90 recommended).',
  docs: 'https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview',
  aliases: ['CKV_AZURE_42'],
  run: doc =>
    resources(doc, 'azurerm_key_vault').flatMap(r => {
      const days = r.attr('soft_delete_retention_days')
      const n = toNumber(days?.value)
      return [
        ...forbidFalse(r, 'soft_delete_enabled'),
        ...(days && n !== undefined && n < 7 ? [result(r, days.line)] : [])
      ]
    }),
  fail: {
    ...tf(`resource "azurerm_key_vault" "main" {
  name                = "example-kv"
  location            = "westeurope"
  resource_group_name = "rg"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
  soft_delete_enabled = false
}
`),
    lines: [7]
  },
  pass: tf(`resource "azurerm_key_vault" "main" {
  name                       = "example-kv"
  location                   = "westeurope"
  resource_group_name        = "rg"
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "standard"
  soft_delete_retention_days = 90
}
`)
}
