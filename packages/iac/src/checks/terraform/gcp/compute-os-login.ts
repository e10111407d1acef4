import type {Check} from '../../../check'
import {type TerraformDocument, isFalse, isObject, resources, result, tf} from '../helpers'

export const computeOsLogin: Check<TerraformDocument> = {
  id: 'PG-TF-065',
  platform: 'terraform',
  severity: 'medium',
  title: 'Compute instance turns OS Login off',
  description:
    'Without OS Login, SSH access is managed by metadata keys instead of IAM, with no central revocation (CIS GCP 4.4).',
  remediation: 'Remove enable-oslogin = "FALSE" from metadata (and enable it project-wide).',
  docs: 'https://cloud.google.com/compute/docs/oslogin',
  aliases: ['CKV_GCP_34', 'google-compute-no-oslogin-override', 'AVD-GCP-0036'],
  run: doc =>
    resources(
      doc,
      'google_compute_instance',
      'google_compute_instance_template',
      'google_compute_project_metadata'
    ).flatMap(r => {
      const metadata = r.attr('metadata')
      if (!metadata || !isObject(metadata.value)) return []
      const value = metadata.value['enable-oslogin']
      return isFalse(typeof value === 'string' ? value.toLowerCase() : value)
        ? [result(r, metadata.line)]
        : []
    }),
  fail: {
    ...tf(`resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-small"
  metadata = {
    enable-oslogin = "FALSE"
  }
}
`),
    lines: [4]
  },
  pass: tf(`resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-small"
  metadata = {
    enable-oslogin = "TRUE"
  }
}
`)
}
