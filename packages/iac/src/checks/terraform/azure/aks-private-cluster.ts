import type {Check} from '../../../check'
import {type TerraformDocument, isTrue, resources, result, strings, tf} from '../helpers'

export const aksPrivateCluster: Check<TerraformDocument> = {
  id: 'PG-TF-055',
  platform: 'terraform',
  severity: 'medium',
  title: 'AKS API server is public without authorized IP ranges',
  description:
    'A public API server that accepts any source address is exposed to credential attacks and API vulnerabilities.',
  remediation:
    'Set private_cluster_enabled = true, or api_server_access_profile { authorized_ip_ranges = [...] }.',
  docs: 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges',
  aliases: ['CKV_AZURE_115', 'CKV_AZURE_6', 'azure-container-limit-authorized-ips', 'AVD-AZU-0041'],
  run: doc =>
    resources(doc, 'azurerm_kubernetes_cluster').flatMap(r => {
      const priv = r.attr('private_cluster_enabled')
      if (priv && isTrue(priv.value)) return []
      const ranges = [
        r.block('api_server_access_profile')?.attr('authorized_ip_ranges'),
        r.attr('api_server_authorized_ip_ranges')
      ]
        .filter(a => a !== undefined)
        .map(a => strings(a!.value))
      if (ranges.some(list => list === undefined || list.length > 0)) return []
      return [result(r, priv?.line ?? r.line)]
    }),
  fail: {
    ...tf(`resource "azurerm_kubernetes_cluster" "main" {
  name                    = "main"
  location                = "westeurope"
  resource_group_name     = "rg"
  dns_prefix              = "main"
  private_cluster_enabled = false
}
`),
    lines: [6]
  },
  pass: tf(`resource "azurerm_kubernetes_cluster" "main" {
  name                = "main"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "main"
  api_server_access_profile {
    authorized_ip_ranges = ["203.0.113.0/24"]
  }
}
`)
}
