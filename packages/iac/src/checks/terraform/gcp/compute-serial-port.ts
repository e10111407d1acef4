import type {Check} from '../../../check'
import {
  type HclValue,
  type TerraformDocument,
  isObject,
  isTrue,
  resources,
  result,
  tf
} from '../helpers'

/** GCE reads the metadata value case-insensitively and takes "1" as true too. */
const enables = (v: HclValue | undefined): boolean =>
  isTrue(v) || (typeof v === 'string' && ['true', '1'].includes(v.trim().toLowerCase()))

export const computeSerialPort: Check<TerraformDocument> = {
  id: 'PG-TF-063',
  platform: 'terraform',
  severity: 'medium',
  title: 'Compute instance enables the interactive serial console',
  description:
    'The serial console accepts connections from any IP address and bypasses firewall rules (CIS GCP 4.5).',
  remediation: 'Remove serial-port-enable from metadata or set it to "false".',
  docs: 'https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console',
  aliases: ['CKV_GCP_35', 'google-compute-no-serial-port', 'AVD-GCP-0032'],
  run: doc => [
    // Project metadata applies to every instance of the project that does not override it.
    ...resources(
      doc,
      'google_compute_instance',
      'google_compute_instance_template',
      'google_compute_project_metadata'
    ).flatMap(r => {
      const metadata = r.attr('metadata')
      if (!metadata || !isObject(metadata.value)) return []
      return enables(metadata.value['serial-port-enable']) ? [result(r, metadata.line)] : []
    }),
    ...resources(doc, 'google_compute_project_metadata_item').flatMap(r => {
      const value = r.attr('value')
      return r.value('key') === 'serial-port-enable' && value && enables(value.value)
        ? [result(r, value.line)]
        : []
    })
  ],
  fail: {
    ...tf(`resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-small"
  metadata = {
    serial-port-enable = "true"
  }
}
`),
    lines: [4]
  },
  pass: tf(`resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-small"
  metadata = {
    serial-port-enable = "false"
  }
}
`)
}
