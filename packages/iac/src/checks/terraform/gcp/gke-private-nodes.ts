import type {Check} from '../../../check'
import {blockFlagCheck} from '../attribute-check'
import {type TerraformDocument, tf} from '../helpers'

export const gkePrivateNodes: Check<TerraformDocument> = blockFlagCheck({
  id: 'PG-TF-069',
  platform: 'terraform',
  severity: 'medium',
  title: 'GKE nodes have public IP addresses',
  description:
    'Nodes with external addresses are directly reachable from the internet (CIS GKE 5.6.5).',
  remediation: 'Add private_cluster_config { enable_private_nodes = true }.',
  docs: 'https://cloud.google.com/kubernetes-engine/docs/how-to/private-clusters',
  aliases: ['CKV_GCP_25', 'google-gke-enable-private-cluster', 'AVD-GCP-0059'],
  resourceTypes: ['google_container_cluster'],
  block: 'private_cluster_config',
  attribute: 'enable_private_nodes',
  fail: {
    ...tf(`resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"
  private_cluster_config {
    enable_private_nodes = false
  }
}
`),
    lines: [5]
  },
  pass: tf(`resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"
  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = false
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }
}
`)
})
