import type {Check} from '../../../check'
import {attributeCheck} from '../attribute-check'
import {type TerraformDocument, forbidTrue, tf} from '../helpers'

export const gkeLegacyAbac: Check<TerraformDocument> = attributeCheck({
  id: 'PG-TF-067',
  platform: 'terraform',
  severity: 'high',
  title: 'GKE legacy ABAC authorization is enabled',
  description:
    'Legacy ABAC grants broad, static permissions and bypasses Kubernetes RBAC (CIS GKE 5.8.3).',
  remediation: 'Set enable_legacy_abac = false and use RBAC.',
  docs: 'https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled',
  aliases: ['CKV_GCP_7', 'google-gke-no-legacy-authentication', 'AVD-GCP-0064'],
  resourceTypes: ['google_container_cluster'],
  attribute: 'enable_legacy_abac',
  rule: forbidTrue,
  fail: {
    ...tf(`resource "google_container_cluster" "main" {
  name               = "main"
  location           = "europe-west1"
  enable_legacy_abac = true
}
`),
    lines: [4]
  },
  pass: tf(`resource "google_container_cluster" "main" {
  name               = "main"
  location           = "europe-west1"
  enable_legacy_abac = false
}
`)
})
