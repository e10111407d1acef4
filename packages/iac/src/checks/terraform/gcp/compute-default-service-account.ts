import type {Check} from '../../../check'
import {type TerraformDocument, resources, result, strings, tf, toStringValue} from '../helpers'

const FULL_SCOPES = new Set(['cloud-platform', 'https://www.googleapis.com/auth/cloud-platform'])

export const computeDefaultServiceAccount: Check<TerraformDocument> = {
  id: 'PG-TF-064',
  platform: 'terraform',
  severity: 'high',
  title: 'Compute instance uses the default service account with full API access',
  description:
    'The default compute service account has Editor on the project; with the cloud-platform scope any process on the VM can use it (CIS GCP 4.2).',
  remediation:
    'Create a dedicated service account with only the roles the workload needs and set its email.',
  docs: 'https://cloud.google.com/compute/docs/access/service-accounts#default_service_account',
  aliases: [
    'CKV_GCP_31',
    'CKV_GCP_30',
    'google-compute-no-default-service-account',
    'AVD-GCP-0044'
  ],
  run: doc =>
    resources(doc, 'google_compute_instance', 'google_compute_instance_template').flatMap(r =>
      r.blocks('service_account').flatMap(sa => {
        const email = sa.attr('email')
        const emailValue = email ? toStringValue(email.value) : undefined
        if (email && emailValue === undefined) return []
        const isDefault =
          !email ||
          emailValue === 'default' ||
          emailValue!.endsWith('-compute@developer.gserviceaccount.com')
        const scopes = sa.attr('scopes')
        return isDefault && scopes && strings(scopes.value)?.some(s => FULL_SCOPES.has(s))
          ? [result(r, scopes.line)]
          : []
      })
    ),
  fail: {
    ...tf(`resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-small"
  service_account {
    scopes = ["cloud-platform"]
  }
}
`),
    lines: [5]
  },
  pass: tf(`resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-small"
  service_account {
    email  = "web@example-project.iam.gserviceaccount.com"
    scopes = ["cloud-platform"]
  }
}
`)
}
