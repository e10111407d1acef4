import type {Check} from '../../../check'
import {type TerraformDocument, requireTrue, resources, result, tf, toStringValue} from '../helpers'

export const gkeNetworkPolicy: Check<TerraformDocument> = {
  id: 'PG-TF-070',
  platform: 'terraform',
  severity: 'medium',
  title: 'GKE network policy enforcement is off',
  description:
    'Without enforcement, NetworkPolicy objects have no effect and every pod can reach every other pod (CIS GKE 5.6.7).',
  remediation:
    'Set network_policy { enabled = true } or datapath_provider = "ADVANCED_DATAPATH" (Dataplane V2).',
  docs: 'https://cloud.google.com/kubernetes-engine/docs/how-to/network-policy',
  aliases: ['CKV_GCP_12', 'google-gke-enable-network-policy', 'AVD-GCP-0056'],
  run: doc =>
    resources(doc, 'google_container_cluster').flatMap(r => {
      // Dataplane V2 enforces network policy itself; Autopilot always does.
      if (toStringValue(r.value('datapath_provider')) === 'ADVANCED_DATAPATH') return []
      if (toStringValue(r.value('enable_autopilot')) === 'true') return []
      const policy = r.block('network_policy')
      return policy ? requireTrue(r, 'enabled', policy) : [result(r)]
    }),
  fail: {
    ...tf(`resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"
  network_policy {
    enabled = false
  }
}
`),
    lines: [5]
  },
  pass: tf(`resource "google_container_cluster" "main" {
  name              = "main"
  location          = "europe-west1"
  datapath_provider = "ADVANCED_DATAPATH"
}
`)
}
