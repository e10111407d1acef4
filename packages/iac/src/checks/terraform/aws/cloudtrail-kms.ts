import type {Check} from '../../../check'
import {attributeCheck} from '../attribute-check'
import {type TerraformDocument, requirePresent, tf} from '../helpers'

export const cloudtrailKms: Check<TerraformDocument> = attributeCheck({
  id: 'PG-TF-021',
  platform: 'terraform',
  severity: 'medium',
  title: 'CloudTrail logs are not encrypted with a KMS key',
  description:
    'SSE-KMS adds a key policy between the logs and everyone with S3 read access to the bucket.',
  remediation: 'Set kms_key_id to a customer managed KMS key.',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-2',
  aliases: ['CKV_AWS_35', 'aws-cloudtrail-enable-at-rest-encryption', 'AVD-AWS-0015'],
  resourceTypes: ['aws_cloudtrail'],
  attribute: 'kms_key_id',
  rule: requirePresent,
  fail: {
    ...tf(`resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "example-trail"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
`),
    lines: [1]
  },
  pass: tf(`resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "example-trail"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = aws_kms_key.trail.arn
}
`)
})
