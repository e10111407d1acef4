import type {Check} from '../../../check'
import {type TerraformDocument, forbidFalse, resources, tf} from '../helpers'

export const gkeNodeAutoUpgrade: Check<TerraformDocument> = {
  id: 'PG-TF-071',
  platform: 'terraform',
  severity: 'medium',
  title: 'GKE node pool auto-upgrade is off',
  description:
    'Nodes that are not upgraded keep known kubelet, container runtime and kernel vulnerabilities (CIS GKE 5.5.3).',
  remediation: 'Set management { auto_upgrade = true } (and auto_repair = true).',
  docs: 'https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-upgrades',
  aliases: ['CKV_GCP_10', 'google-gke-enable-auto-upgrade', 'AVD-GCP-0058'],
  run: doc =>
    resources(doc, 'google_container_node_pool').flatMap(r =>
      r.blocks('management').flatMap(m => forbidFalse(r, 'auto_upgrade', m))
    ),
  fail: {
    ...tf(`resource "google_container_node_pool" "default" {
  name    = "default"
  cluster = "main"
  management {
    auto_repair  = true
    auto_upgrade = false
  }
}
`),
    lines: [6]
  },
  pass: tf(`resource "google_container_node_pool" "default" {
  name    = "default"
  cluster = "main"
  management {
    auto_repair  = true
    auto_upgrade = true
  }
}
`)
}
