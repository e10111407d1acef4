import type {Check} from '../../../check'
import {attributeCheck} from '../attribute-check'
import {type TerraformDocument, forbidFalse, tf} from '../helpers'

export const aksRbac: Check<TerraformDocument> = attributeCheck({
  id: 'PG-TF-054',
  platform: 'terraform',
  severity: 'high',
  title: 'AKS cluster has Kubernetes RBAC disabled',
  description:
    'Without RBAC every authenticated user and service account has full control of the cluster.',
  remediation:
    'Remove role_based_access_control_enabled = false (it defaults to true) and use Entra ID integration.',
  docs: 'https://learn.microsoft.com/azure/aks/manage-azure-rbac',
  aliases: ['CKV_AZURE_5', 'azure-container-use-rbac-permissions', 'AVD-AZU-0042'],
  resourceTypes: ['azurerm_kubernetes_cluster'],
  attribute: 'role_based_access_control_enabled',
  rule: forbidFalse,
  fail: {
    ...tf(`resource "azurerm_kubernetes_cluster" "main" {
  name                              = "main"
  location                          = "westeurope"
  resource_group_name               = "rg"
  dns_prefix                        = "main"
  private_cluster_enabled           = true
  role_based_access_control_enabled = false
}
`),
    lines: [7]
  },
  pass: tf(`resource "azurerm_kubernetes_cluster" "main" {
  name                              = "main"
  location                          = "westeurope"
  resource_group_name               = "rg"
  dns_prefix                        = "main"
  private_cluster_enabled           = true
  role_based_access_control_enabled = true
}
`)
})
