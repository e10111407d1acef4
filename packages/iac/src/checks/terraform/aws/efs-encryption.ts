import type {Check} from '../../../check'
import {attributeCheck} from '../attribute-check'
import {type TerraformDocument, requireTrue, tf} from '../helpers'

export const efsEncryption: Check<TerraformDocument> = attributeCheck({
  id: 'PG-TF-018',
  platform: 'terraform',
  severity: 'medium',
  title: 'EFS file system is not encrypted at rest',
  description: 'encrypted defaults to false and cannot be changed after creation.',
  remediation: 'Set encrypted = true (and kms_key_id for a customer managed key).',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-1',
  aliases: ['CKV_AWS_42', 'aws-efs-enable-at-rest-encryption', 'AVD-AWS-0037'],
  resourceTypes: ['aws_efs_file_system'],
  attribute: 'encrypted',
  rule: requireTrue,
  fail: {
    ...tf(`resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = false
}
`),
    lines: [3]
  },
  pass: tf(`resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
}
`)
})
