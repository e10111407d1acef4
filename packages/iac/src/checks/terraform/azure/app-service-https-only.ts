import type {Check} from '../../../check'
import {attributeCheck} from '../attribute-check'
import {type TerraformDocument, requireTrue, tf} from '../helpers'

export const appServiceHttpsOnly: Check<TerraformDocument> = attributeCheck({
  id: 'PG-TF-056',
  platform: 'terraform',
  severity: 'medium',
  title: 'App Service accepts plain HTTP',
  description:
    'https_only defaults to false, so the app also answers unencrypted HTTP (CIS Azure 9.2).',
  remediation: 'Set https_only = true.',
  docs: 'https://learn.microsoft.com/azure/app-service/configure-ssl-bindings#enforce-https',
  aliases: ['CKV_AZURE_14', 'azure-appservice-enforce-https', 'AVD-AZU-0004'],
  resourceTypes: [
    'azurerm_linux_web_app',
    'azurerm_windows_web_app',
    'azurerm_app_service',
    'azurerm_function_app',
    'azurerm_linux_function_app',
    'azurerm_windows_function_app'
  ],
  attribute: 'https_only',
  rule: requireTrue,
  fail: {
    ...tf(`resource "azurerm_linux_web_app" "web" {
  name                = "example-web"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = "plan-id"
  site_config {}
}
`),
    lines: [1]
  },
  pass: tf(`resource "azurerm_linux_web_app" "web" {
  name                = "example-web"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = "plan-id"
  https_only          = true
  site_config {}
}
`)
})
