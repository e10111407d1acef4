import type {Check} from '../../../check'
import {type TerraformDocument, resources, result, tf, toStringValue} from '../helpers'

export const storageMinTls: Check<TerraformDocument> = {
  id: 'PG-TF-043',
  platform: 'terraform',
  severity: 'medium',
  title: 'Storage account accepts TLS older than 1.2',
  description: 'TLS 1.0 and 1.1 are deprecated and retired by Azure Storage (CIS Azure 3.15).',
  remediation: 'Set min_tls_version = "TLS1_2".',
  docs: 'https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version',
  aliases: ['CKV_AZURE_44', 'azure-storage-use-secure-tls-policy', 'AVD-AZU-0011'],
  run: doc =>
    resources(doc, 'azurerm_storage_account').flatMap(r => {
      const a = r.attr('min_tls_version')
      const v = toStringValue(a?.value)
      return a && (v === 'TLS1_0' || v === 'TLS1_1') ? [result(r, a.line)] : []
    }),
  fail: {
    ...tf(`resource "azurerm_storage_account" "data" {
  name                     = "exampledata"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  min_tls_version          = "TLS1_0"
}
`),
    lines: [7]
  },
  pass: tf(`resource "azurerm_storage_account" "data" {
  name                     = "exampledata"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  min_tls_version          = "TLS1_2"
}
`)
}
