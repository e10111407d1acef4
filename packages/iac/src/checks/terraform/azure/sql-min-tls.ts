import type {Check} from '../../../check'
import {type TerraformDocument, resources, result, tf, toStringValue} from '../helpers'

export const sqlMinTls: Check<TerraformDocument> = {
  id: 'PG-TF-052',
  platform: 'terraform',
  severity: 'medium',
  title: 'Azure SQL server accepts TLS older than 1.2',
  description: 'Clients may connect with deprecated TLS 1.0/1.1, or with no minimum at all.',
  remediation: 'Set minimum_tls_version = "1.2".',
  docs: 'https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#minimal-tls-version',
  aliases: ['CKV_AZURE_52', 'azure-database-secure-tls-policy', 'AVD-AZU-0026'],
  run: doc =>
    resources(doc, 'azurerm_mssql_server', 'azurerm_sql_server').flatMap(r => {
      const a = r.attr('minimum_tls_version')
      const v = toStringValue(a?.value)
      return a && (v === '1.0' || v === '1.1' || v === 'Disabled') ? [result(r, a.line)] : []
    }),
  fail: {
    ...tf(`resource "azurerm_mssql_server" "db" {
  name                = "example-sql"
  resource_group_name = "rg"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "1.0"
}
`),
    lines: [6]
  },
  pass: tf(`resource "azurerm_mssql_server" "db" {
  name                = "example-sql"
  resource_group_name = "rg"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "1.2"
}
`)
}
