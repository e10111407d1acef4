import type {Check, CheckResult} from '../../../check'
import {
  type BlockView,
  type TerraformDocument,
  related,
  resources,
  result,
  tf,
  toStringValue
} from '../helpers'

export const storageNetworkDefaultAllow: Check<TerraformDocument> = {
  id: 'PG-TF-045',
  platform: 'terraform',
  severity: 'medium',
  title: 'Storage account network access defaults to Allow',
  description:
    'Without a Deny default, the account is reachable from every network, not just trusted ones (CIS Azure 3.8).',
  remediation:
    'Add network_rules { default_action = "Deny" } with the needed ip_rules / virtual_network_subnet_ids.',
  docs: 'https://learn.microsoft.com/azure/storage/common/storage-network-security',
  aliases: ['CKV_AZURE_35', 'azure-storage-default-action-deny', 'AVD-AZU-0012'],
  run: doc => {
    const out: CheckResult[] = []
    const allow = (r: BlockView, at: BlockView) => {
      const a = at.attr('default_action')
      if (a && toStringValue(a.value) === 'Allow') out.push(result(r, a.line))
    }
    for (const r of resources(doc, 'azurerm_storage_account_network_rules')) allow(r, r)
    for (const r of resources(doc, 'azurerm_storage_account')) {
      const rules = r.block('network_rules')
      if (rules) allow(r, rules)
      else if (
        toStringValue(r.value('public_network_access_enabled')) !== 'false' &&
        related(doc, 'azurerm_storage_account_network_rules', r, 'storage_account_id').length === 0
      ) {
        out.push(result(r))
      }
    }
    return out
  },
  fail: {
    ...tf(`resource "azurerm_storage_account" "data" {
  name                     = "exampledata"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  network_rules {
    default_action = "Allow"
  }
}
`),
    lines: [8]
  },
  pass: tf(`resource "azurerm_storage_account" "data" {
  name                     = "exampledata"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  network_rules {
    default_action = "Deny"
    ip_rules       = ["203.0.113.10"]
  }
}
`)
}
