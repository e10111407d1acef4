import type {Check} from '../../../check'
import {type TerraformDocument, forbidFalse, resources, tf} from '../helpers'

export const ebsDefaultEncryption: Check<TerraformDocument> = {
  id: 'PG-TF-017',
  platform: 'terraform',
  severity: 'medium',
  title: 'EBS encryption by default is turned off',
  description:
    'With the account default off, every volume created without an explicit setting is stored unencrypted.',
  remediation: 'Set enabled = true on aws_ebs_encryption_by_default.',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-7',
  aliases: ['CKV_AWS_106', 'AVD-AWS-0131'],
  run: doc =>
    resources(doc, 'aws_ebs_encryption_by_default').flatMap(r => forbidFalse(r, 'enabled')),
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
}
