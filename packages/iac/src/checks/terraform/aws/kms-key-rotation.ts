import type {Check} from '../../../check'
import {type TerraformDocument, requireTrue, resources, tf, toStringValue} from '../helpers'

export const kmsKeyRotation: Check<TerraformDocument> = {
  id: 'PG-TF-022',
  platform: 'terraform',
  severity: 'medium',
  title: 'KMS key rotation is not enabled',
  description:
    'Yearly rotation limits how much data one leaked key version protects (CIS AWS 3.6).',
  remediation: 'Set enable_key_rotation = true on symmetric keys.',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-4',
  aliases: ['CKV_AWS_7', 'aws-kms-auto-rotate-keys', 'AVD-AWS-0065'],
  run: doc =>
    resources(doc, 'aws_kms_key')
      // Rotation exists only for symmetric encryption keys.
      .filter(
        r =>
          (toStringValue(r.value('customer_master_key_spec')) ?? 'SYMMETRIC_DEFAULT') ===
          'SYMMETRIC_DEFAULT'
      )
      .filter(r => (toStringValue(r.value('key_usage')) ?? 'ENCRYPT_DECRYPT') === 'ENCRYPT_DECRYPT')
      .flatMap(r => requireTrue(r, 'enable_key_rotation')),
  fail: {
    ...tf(`resource "aws_kms_key" "data" {
  description         = "data"
  enable_key_rotation = false
}
`),
    lines: [3]
  },
  pass: tf(`resource "aws_kms_key" "data" {
  description         = "data"
  enable_key_rotation = true
}

resource "aws_kms_key" "signing" {
  description              = "signing"
  key_usage                = "SIGN_VERIFY"
  customer_master_key_spec = "ECC_NIST_P256"
}
`)
}
