import type {Check} from '../../../check'
import {type TerraformDocument, forbidFalse, resources, tf} from '../helpers'

export const aksRbac: Check<TerraformDocument> = {
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
  run: doc =>
    resources(doc, 'azurerm_kubernetes_cluster').flatMap(r => [
      ...forbidFalse(r, 'role_based_access_control_enabled'),
      // azurerm provider v2's form of the same switch.
      ...r.blocks('role_based_access_control').flatMap(b => forbidFalse(r, 'enabled', b))
    ]),
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
}
