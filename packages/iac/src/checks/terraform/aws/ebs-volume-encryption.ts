import type {Check} from '../../../check'
import {attributeCheck} from '../attribute-check'
import {type TerraformDocument, requireTrue, tf} from '../helpers'

export const ebsVolumeEncryption: Check<TerraformDocument> = attributeCheck({
  id: 'PG-TF-016',
  platform: 'terraform',
  severity: 'medium',
  title: 'EBS volume is not encrypted',
  description:
    'Unencrypted volumes and their snapshots expose data to anyone who gets a snapshot shared or copied.',
  remediation: 'Set encrypted = true (and kms_key_id), or turn on aws_ebs_encryption_by_default.',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-3',
  aliases: ['CKV_AWS_3', 'aws-ec2-enable-volume-encryption', 'AVD-AWS-0026'],
  resourceTypes: ['aws_ebs_volume'],
  attribute: 'encrypted',
  rule: requireTrue,
  fail: {
    ...tf(`resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
}
`),
    lines: [1]
  },
  pass: tf(`resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
}
`)
})
