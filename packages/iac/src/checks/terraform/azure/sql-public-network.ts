import type {Check} from '../../../check'
import {type TerraformDocument, isTrue, resources, result, tf} from '../helpers'

export const sqlPublicNetwork: Check<TerraformDocument> = {
  id: 'PG-TF-051',
  platform: 'terraform',
  severity: 'medium',
  title: 'Azure SQL server allows public network access',
  description:
    'public_network_access_enabled defaults to true: the server endpoint is reachable from the internet, guarded only by firewall rules.',
  remediation: 'Set public_network_access_enabled = false and connect through a private endpoint.',
  docs: 'https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#deny-public-network-access',
  aliases: ['CKV_AZURE_113', 'azure-database-no-public-access', 'AVD-AZU-0022'],
  run: doc =>
    resources(doc, 'azurerm_mssql_server', 'azurerm_sql_server').flatMap(r => {
      const a = r.attr('public_network_access_enabled')
      if (!a) return [result(r)]
      return isTrue(a.value) ? [result(r, a.line)] : []
    }),
  fail: {
    ...tf(`resource "azurerm_mssql_server" "db" {
  name                          = "example-sql"
  resource_group_name           = "rg"
  location                      = "westeurope"
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = true
}
`),
    lines: [7]
  },
  pass: tf(`resource "azurerm_mssql_server" "db" {
  name                          = "example-sql"
  resource_group_name           = "rg"
  location                      = "westeurope"
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
}
`)
}
