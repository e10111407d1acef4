import type {Check} from '../../../check'
import {type TerraformDocument, forbidTrue, resources, tf} from '../helpers'

export const storagePublicNestedItems: Check<TerraformDocument> = {
  id: 'PG-TF-041',
  platform: 'terraform',
  severity: 'high',
  title: 'Storage account allows public blob access',
  description:
    'With nested items allowed to be public, any container can be switched to anonymous read access (CIS Azure 3.7).',
  remediation: 'Set allow_nested_items_to_be_public = false.',
  docs: 'https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent',
  aliases: ['CKV_AZURE_190', 'CKV_AZURE_59', 'azure-storage-no-public-access', 'AVD-AZU-0007'],
  run: doc =>
    resources(doc, 'azurerm_storage_account').flatMap(r => [
      ...forbidTrue(r, 'allow_nested_items_to_be_public'),
      ...forbidTrue(r, 'allow_blob_public_access')
    ]),
  fail: {
    ...tf(`resource "azurerm_storage_account" "data" {
  name                            = "exampledata"
  resource_group_name             = "rg"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = true
}
`),
    lines: [7]
  },
  pass: tf(`resource "azurerm_storage_account" "data" {
  name                            = "exampledata"
  resource_group_name             = "rg"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = false
}
`)
}
