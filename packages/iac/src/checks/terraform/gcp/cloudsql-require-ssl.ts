import type {Check, CheckResult} from '../../../check'
import {
  type TerraformDocument,
  isFalse,
  isTrue,
  resources,
  result,
  tf,
  toStringValue
} from '../helpers'

const ENCRYPTED_MODES = new Set(['ENCRYPTED_ONLY', 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED'])

export const cloudsqlRequireSsl: Check<TerraformDocument> = {
  id: 'PG-TF-073',
  platform: 'terraform',
  severity: 'medium',
  title: 'Cloud SQL instance allows unencrypted connections',
  description:
    'Without SSL enforcement, clients can connect in clear text and expose credentials and data (CIS GCP 6.4).',
  remediation:
    'Set ip_configuration { ssl_mode = "ENCRYPTED_ONLY" } (or "TRUSTED_CLIENT_CERTIFICATE_REQUIRED").',
  docs: 'https://cloud.google.com/sql/docs/postgres/configure-ssl-instance',
  aliases: ['CKV_GCP_6', 'google-sql-encrypt-in-transit-data', 'AVD-GCP-0015'],
  run: doc =>
    resources(doc, 'google_sql_database_instance').flatMap(r => {
      const out: CheckResult[] = []
      for (const settings of r.blocks('settings')) {
        const ip = settings.block('ip_configuration')
        if (!ip) {
          out.push(result(r, settings.line))
          continue
        }
        const mode = ip.attr('ssl_mode')
        const requireSsl = ip.attr('require_ssl')
        const modeValue = toStringValue(mode?.value)
        if (mode && modeValue === undefined) continue
        if (modeValue && ENCRYPTED_MODES.has(modeValue)) continue
        if (requireSsl && isTrue(requireSsl.value)) continue
        if (requireSsl && !isFalse(requireSsl.value)) continue
        out.push(result(r, mode?.line ?? requireSsl?.line ?? ip.line))
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
      ipv4_enabled = false
      ssl_mode     = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
    }
  }
}
`),
    lines: [8]
  },
  pass: tf(`resource "google_sql_database_instance" "db" {
  name             = "db"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-f1-micro"
    ip_configuration {
      ipv4_enabled = false
      ssl_mode     = "ENCRYPTED_ONLY"
    }
  }
}
`)
}
