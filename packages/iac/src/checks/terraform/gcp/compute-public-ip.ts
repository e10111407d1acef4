import type {Check} from '../../../check'
import {type TerraformDocument, resources, result, tf} from '../helpers'

export const computePublicIp: Check<TerraformDocument> = {
  id: 'PG-TF-062',
  platform: 'terraform',
  severity: 'medium',
  title: 'Compute instance has a public IP address',
  description:
    'An access_config block gives the VM an external address reachable from the internet (CIS GCP 4.9).',
  remediation:
    'Remove access_config and reach the VM through IAP, a load balancer or Cloud NAT for egress.',
  docs: 'https://cloud.google.com/compute/docs/ip-addresses/reserve-static-external-ip-address',
  aliases: ['CKV_GCP_40', 'google-compute-no-public-ip', 'AVD-GCP-0031'],
  run: doc =>
    resources(doc, 'google_compute_instance', 'google_compute_instance_template').flatMap(r =>
      r
        .blocks('network_interface')
        .flatMap(ni => ni.blocks('access_config').map(ac => result(r, ac.line)))
    ),
  fail: {
    ...tf(`resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-small"
  network_interface {
    network = "default"
    access_config {}
  }
}
`),
    lines: [6]
  },
  pass: tf(`resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-small"
  network_interface {
    network = "default"
  }
}
`)
}
