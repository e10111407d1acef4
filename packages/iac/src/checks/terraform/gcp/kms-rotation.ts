import type {Check} from '../../../check'
import {type TerraformDocument, resources, result, tf, toStringValue} from '../helpers'

/** CIS GCP 1.10: at most 90 days. */
const MAX_ROTATION_SECONDS = 90 * 24 * 60 * 60

export const kmsRotation: Check<TerraformDocument> = {
  id: 'PG-TF-074',
  platform: 'terraform',
  severity: 'medium',
  title: 'Cloud KMS key is not rotated at least every 90 days',
  description: 'Long-lived key versions protect more data if compromised (CIS GCP 1.10).',
  remediation: 'Set rotation_period = "7776000s" (90 days) or shorter.',
  docs: 'https://cloud.google.com/kms/docs/key-rotation',
  aliases: ['CKV_GCP_43', 'google-kms-rotate-kms-keys', 'AVD-GCP-0065'],
  run: doc =>
    resources(doc, 'google_kms_crypto_key').flatMap(r => {
      const purpose = toStringValue(r.value('purpose')) ?? 'ENCRYPT_DECRYPT'
      if (purpose !== 'ENCRYPT_DECRYPT') return [] // asymmetric keys cannot rotate automatically
      const a = r.attr('rotation_period')
      if (!a) return [result(r)]
      const period = toStringValue(a.value)
      const seconds = period && /^\d+(\.\d+)?s$/.test(period) ? parseFloat(period) : undefined
      return seconds !== undefined && seconds > MAX_ROTATION_SECONDS ? [result(r, a.line)] : []
    }),
  fail: {
    ...tf(`resource "google_kms_crypto_key" "data" {
  name            = "data"
  key_ring        = "projects/example/locations/europe/keyRings/main"
  rotation_period = "31536000s"
}
`),
    lines: [4]
  },
  pass: tf(`resource "google_kms_crypto_key" "data" {
  name            = "data"
  key_ring        = "projects/example/locations/europe/keyRings/main"
  rotation_period = "7776000s"
}
`)
}
