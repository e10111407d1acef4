import type {Check} from '../../../check'
import {type TerraformDocument, resources, result, tf, toStringValue} from '../helpers'

export const appServiceMinTls: Check<TerraformDocument> = {
  id: 'PG-TF-057',
  platform: 'terraform',
  severity: 'medium',
  title: 'App Service accepts TLS older than 1.2',
  description: 'TLS 1.0/1.1 have known weaknesses (CIS Azure 9.3).',
  remediation: 'Set site_config { minimum_tls_version = "1.2" }.',
  docs: 'https://learn.microsoft.com/azure/app-service/overview-tls',
  aliases: ['CKV_AZURE_154', 'azure-appservice-use-secure-tls-policy', 'AVD-AZU-0006'],
  run: doc =>
    resources(
      doc,
      'azurerm_linux_web_app',
      'azurerm_windows_web_app',
      'azurerm_app_service',
      'azurerm_function_app',
      'azurerm_linux_function_app',
      'azurerm_windows_function_app'
    ).flatMap(r =>
      r.blocks('site_config').flatMap(sc => {
        const a = sc.attr('minimum_tls_version') ?? sc.attr('min_tls_version')
        const v = toStringValue(a?.value)
        return a && (v === '1.0' || v === '1.1') ? [result(r, a.line)] : []
      })
    ),
  fail: {
    ...tf(`resource "azurerm_linux_web_app" "web" {
  name                = "example-web"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = "plan-id"
  https_only          = true
  site_config {
    minimum_tls_version = "1.0"
  }
}
`),
    lines: [8]
  },
  pass: tf(`resource "azurerm_linux_web_app" "web" {
  name                = "example-web"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = "plan-id"
  https_only          = true
  site_config {
    minimum_tls_version = "1.2"
  }
}
`)
}
