import type {Check} from '../../../check'
import {attributeCheck} from '../attribute-check'
import {type TerraformDocument, requirePresent, tf} from '../helpers'

export const snsEncryption: Check<TerraformDocument> = attributeCheck({
  id: 'PG-TF-039',
  platform: 'terraform',
  hygiene: 'always',
  severity: 'low',
  title: 'SNS topic is not encrypted',
  description: 'Messages waiting for delivery are stored unencrypted unless a KMS key is set.',
  remediation: 'Set kms_master_key_id (alias/aws/sns or a customer managed key).',
  docs: 'https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html',
  aliases: ['CKV_AWS_26', 'aws-sns-enable-topic-encryption', 'AVD-AWS-0095'],
  resourceTypes: ['aws_sns_topic'],
  attribute: 'kms_master_key_id',
  rule: requirePresent,
  fail: {
    ...tf(`resource "aws_sns_topic" "alerts" {
  name = "alerts"
}
`),
    lines: [1]
  },
  pass: tf(`resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = "alias/aws/sns"
}
`)
})
