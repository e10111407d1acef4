import type {Check, CheckResult} from '../../../check'
import {type TerraformDocument, isWorld, resources, result, tf, toStringValue} from '../helpers'

export const cloudsqlPublicNetwork: Check<TerraformDocument> = {
  id: 'PG-TF-072',
  platform: 'terraform',
  severity: 'high',
  title: 'Cloud SQL instance accepts connections from any address',
  description:
    "An authorized network of 0.0.0.0/0 opens the database's public IP to the whole internet (CIS GCP 6.5).",
  remediation:
    'Remove 0.0.0.0/0 from authorized_networks; prefer private IP (ipv4_enabled = false) or the Cloud SQL Auth Proxy.',
  docs: 'https://cloud.google.com/sql/docs/mysql/authorize-networks',
  aliases: ['CKV_GCP_11', 'google-sql-no-public-access', 'AVD-GCP-0017'],
  run: doc =>
    resources(doc, 'google_sql_database_instance').flatMap(r => {
      const out: CheckResult[] = []
      for (const settings of r.blocks('settings')) {
        for (const ip of settings.blocks('ip_configuration')) {
          for (const network of ip.blocks('authorized_networks')) {
            const value = network.attr('value')
            const v = toStringValue(value?.value)
            if (value && v && isWorld(v)) out.push(result(r, value.line))
          }
        }
      }
      return out
    }),
  fail: {
    ...tf(`resource "google_sql_database_instance" "db" {
  name             = "db"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-f1-micro"
    ip_configuration {
      ipv4_enabled = true
      authorized_networks {
        name  = "anyone"
        value = "0.0.0.0/0"
      }
    }
  }
}
`),
    lines: [10]
  },
  pass: tf(`resource "google_sql_database_instance" "db" {
  name             = "db"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-f1-micro"
    ip_configuration {
      ipv4_enabled    = false
      private_network = "projects/example/global/networks/main"
    }
  }
}
`)
}
