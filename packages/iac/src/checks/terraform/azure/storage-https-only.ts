import type {Check} from '../../../check'
import {type TerraformDocument, forbidFalse, resources, tf} from '../helpers'

export const storageHttpsOnly: Check<TerraformDocument> = {
  id: 'PG-TF-044',
  platform: 'terraform',
  severity: 'high',
  title: 'Storage account accepts plain HTTP',
  description:
    'With secure transfer off, data and shared keys can travel unencrypted (CIS Azure 3.1).',
  remediation:
    'Remove the override so secure transfer stays required (https_traffic_only_enabled = true).',
  docs: 'https://learn.microsoft.com/azure/storage/common/storage-require-secure-transfer',
  aliases: ['CKV_AZURE_3', 'azure-storage-enforce-https', 'AVD-AZU-0008'],
  run: doc =>
    resources(doc, 'azurerm_storage_account').flatMap(r => [
      ...forbidFalse(r, 'https_traffic_only_enabled'),
      ...forbidFalse(r, 'enable_https_traffic_only')
    ]),
  fail: {
    ...tf(`resource "azurerm_storage_account" "data" {
  name                       = "exampledata"
  resource_group_name        = "rg"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "GRS"
  https_traffic_only_enabled = false
}
`),
    lines: [7]
  },
  pass: tf(`resource "azurerm_storage_account" "data" {
  name                       = "exampledata"
  resource_group_name        = "rg"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "GRS"
  https_traffic_only_enabled = true
}
`)
}
