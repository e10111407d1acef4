import type {Check} from '../../../check'
import {type TerraformDocument, resources, result, tf, toStringValue} from '../helpers'

export const storageContainerPublic: Check<TerraformDocument> = {
  id: 'PG-TF-042',
  platform: 'terraform',
  severity: 'high',
  title: 'Storage container allows anonymous read access',
  description:
    'container_access_type "blob" or "container" lets anyone on the internet read (and for "container", list) the blobs.',
  remediation: 'Set container_access_type = "private" and share with SAS tokens or Entra ID roles.',
  docs: 'https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-configure',
  aliases: ['CKV_AZURE_34', 'azure-storage-no-public-access', 'AVD-AZU-0007'],
  run: doc =>
    resources(doc, 'azurerm_storage_container').flatMap(r => {
      const a = r.attr('container_access_type')
      const v = toStringValue(a?.value)
      return a && (v === 'blob' || v === 'container') ? [result(r, a.line)] : []
    }),
  fail: {
    ...tf(`resource "azurerm_storage_container" "assets" {
  name                  = "assets"
  storage_account_name  = "exampledata"
  container_access_type = "container"
}
`),
    lines: [4]
  },
  pass: tf(`resource "azurerm_storage_container" "assets" {
  name                  = "assets"
  storage_account_name  = "exampledata"
  container_access_type = "private"
}
`)
}
