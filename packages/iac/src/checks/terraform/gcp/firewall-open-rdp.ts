import type {Check} from '../../../check'
import {type TerraformDocument, tf} from '../helpers'
import {firewallOpenTo} from './firewall-ingress'

export const firewallOpenRdp: Check<TerraformDocument> = {
  id: 'PG-TF-061',
  platform: 'terraform',
  family: 'public-ingress',
  severity: 'high',
  title: 'Firewall allows RDP (3389) from the internet',
  description:
    'RDP open to 0.0.0.0/0 exposes every matching instance to brute-force attacks (CIS GCP 3.7).',
  remediation:
    'Limit source_ranges to known ranges, or use Identity-Aware Proxy TCP forwarding (35.235.240.0/20).',
  docs: 'https://cloud.google.com/firewall/docs/using-firewalls',
  aliases: ['CKV_GCP_3', 'google-compute-no-public-ingress', 'AVD-GCP-0027'],
  run: doc => firewallOpenTo(doc, 3389),
  fail: {
    ...tf(`resource "google_compute_firewall" "admin" {
  name    = "admin"
  network = "default"
  allow {
    protocol = "tcp"
    ports    = ["3389"]
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
    ports    = ["3389"]
  }
  source_ranges = ["35.235.240.0/20"]
}
`)
}
