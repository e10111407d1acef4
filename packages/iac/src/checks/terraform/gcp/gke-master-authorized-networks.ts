import type {Check} from '../../../check'
import {type TerraformDocument, resources, result, tf} from '../helpers'

export const gkeMasterAuthorizedNetworks: Check<TerraformDocument> = {
  id: 'PG-TF-068',
  platform: 'terraform',
  severity: 'medium',
  title: 'GKE control plane accepts connections from any network',
  description:
    'Without master authorized networks the API server endpoint is open to the internet (CIS GKE 5.6.3).',
  remediation:
    'Add master_authorized_networks_config with cidr_blocks for the networks that administer the cluster.',
  docs: 'https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks',
  aliases: ['CKV_GCP_20', 'google-gke-enable-master-networks', 'AVD-GCP-0061'],
  run: doc =>
    resources(doc, 'google_container_cluster')
      .filter(r => !r.block('master_authorized_networks_config'))
      .map(r => result(r)),
  fail: {
    ...tf(`resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"
}
`),
    lines: [1]
  },
  pass: tf(`resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"
  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = "10.0.0.0/8"
      display_name = "internal"
    }
  }
}
`)
}
