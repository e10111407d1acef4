import type {Check} from '../../../check'
import {type TerraformDocument, forbidFalse, resources, result, tf} from '../helpers'

export const computeShieldedVm: Check<TerraformDocument> = {
  id: 'PG-TF-066',
  platform: 'terraform',
  hygiene: 'always',
  severity: 'low',
  title: 'Compute instance is not a Shielded VM',
  description:
    'Shielded VM (vTPM and integrity monitoring) detects boot-level and kernel-level tampering (CIS GCP 4.8).',
  remediation:
    'Add shielded_instance_config { enable_vtpm = true, enable_integrity_monitoring = true } on a Shielded VM image.',
  docs: 'https://cloud.google.com/compute/shielded-vm/docs/shielded-vm',
  aliases: [
    'CKV_GCP_39',
    'google-compute-enable-shielded-vm-vtpm',
    'google-compute-enable-shielded-vm-im',
    'AVD-GCP-0041'
  ],
  run: doc =>
    resources(doc, 'google_compute_instance').flatMap(r => {
      const config = r.block('shielded_instance_config')
      if (!config) return [result(r)]
      return [
        ...forbidFalse(r, 'enable_vtpm', config),
        ...forbidFalse(r, 'enable_integrity_monitoring', config)
      ]
    }),
  fail: {
    ...tf(`resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-small"
  shielded_instance_config {
    enable_vtpm = false
  }
}
`),
    lines: [5]
  },
  pass: tf(`resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-small"
  shielded_instance_config {
    enable_secure_boot          = true
    enable_vtpm                 = true
    enable_integrity_monitoring = true
  }
}
`)
}
