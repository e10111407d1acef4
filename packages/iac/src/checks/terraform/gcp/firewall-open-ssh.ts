import type {Check} from '../../../check'
import {type TerraformDocument, tf} from '../helpers'
import {firewallOpenTo} from './firewall-ingress'

export const firewallOpenSsh: Check<TerraformDocument> = {
  id: 'PG-TF-060',
  platform: 'terraform',
  family: 'public-ingress',
  severity: 'high',
  title: 'Firewall allows SSH (22) from the internet',
  description:
    'SSH open to 0.0.0.0/0 exposes every matching instance to brute-force attacks (CIS GCP 3.6).',
  remediation:
    'Limit source_ranges to known ranges, or use Identity-Aware Proxy TCP forwarding (35.235.240.0/20).',
  docs: 'https://cloud.google.com/firewall/docs/using-firewalls',
  aliases: ['CKV_GCP_2', 'google-compute-no-public-ingress', 'AVD-GCP-0027'],
  run: doc => firewallOpenTo(doc, 22),
  fail: {
    ...tf(`resource "google_compute_firewall" "admin" {
  name    = "admin"
  network = "default"
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
  source_ranges = ["0.0.0.0/0"]
}
`),
    lines: [8]
  },
  pass: tf(`resource "google_compute_firewall" "admin" {
  name    = "admin"
  network = "default"
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
  source_ranges = ["35.235.240.0/20"]
}
`)
}
