import type {Check} from '../../../check'
import {type TerraformDocument, related, resources, result, tf} from '../helpers'

export const sqlAuditing: Check<TerraformDocument> = {
  id: 'PG-TF-053',
  platform: 'terraform',
  severity: 'medium',
  title: 'Azure SQL server has no auditing',
  description:
    'Without auditing there is no record of logins, queries and permission changes (CIS Azure 4.1.1).',
  remediation:
    'Add an azurerm_mssql_server_extended_auditing_policy for the server with a storage account or Log Analytics target.',
  docs: 'https://learn.microsoft.com/azure/azure-sql/database/auditing-overview',
  aliases: ['CKV_AZURE_23', 'azure-database-enable-audit', 'AVD-AZU-0027'],
  run: doc =>
    resources(doc, 'azurerm_mssql_server', 'azurerm_sql_server')
      .filter(r => !r.block('extended_auditing_policy'))
      .filter(
        r =>
          related(doc, 'azurerm_mssql_server_extended_auditing_policy', r, 'server_id').length === 0
      )
      .map(r => result(r)),
  fail: {
    ...tf(`resource "azurerm_mssql_server" "db" {
  name                = "example-sql"
  resource_group_name = "rg"
  location            = "westeurope"
  version             = "12.0"
}
`),
    lines: [1]
  },
  pass: tf(`resource "azurerm_mssql_server" "db" {
  name                = "example-sql"
  resource_group_name = "rg"
  location            = "westeurope"
  version             = "12.0"
}

resource "azurerm_mssql_server_extended_auditing_policy" "db" {
  server_id              = azurerm_mssql_server.db.id
  log_monitoring_enabled = true
  retention_in_days      = 90
}
`)
}
