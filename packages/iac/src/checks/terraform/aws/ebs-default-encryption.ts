import type {Check} from '../../../check'
import {attributeCheck} from '../attribute-check'
import {type TerraformDocument, forbidFalse, tf} from '../helpers'

export const ebsDefaultEncryption: Check<TerraformDocument> = attributeCheck({
  id: 'PG-TF-017',
  platform: 'terraform',
  severity: 'medium',
  title: 'EBS encryption by default is turned off',
  description:
    'With the account default off, every volume created without an explicit setting is stored unencrypted.',
  remediation: 'Set enabled = true on aws_ebs_encryption_by_default.',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-7',
  aliases: ['CKV_AWS_106', 'AVD-AWS-0131'],
  resourceTypes: ['aws_ebs_encryption_by_default'],
  attribute: 'enabled',
  rule: forbidFalse,
  fail: {
    ...tf(`resource "aws_ebs_encryption_by_default" "this" {
  enabled = false
}
`),
    lines: [2]
  },
  pass: tf(`resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}
`)
})
