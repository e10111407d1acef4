import type {Check} from '../../../check'
import {attributeCheck} from '../attribute-check'
import {type TerraformDocument, requireTrue, tf} from '../helpers'

export const cloudtrailLogValidation: Check<TerraformDocument> = attributeCheck({
  id: 'PG-TF-020',
  platform: 'terraform',
  severity: 'medium',
  title: 'CloudTrail log file validation is off',
  description:
    'Without digest files nobody can prove that log files were not changed or deleted after delivery.',
  remediation: 'Set enable_log_file_validation = true.',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-4',
  aliases: ['CKV_AWS_36', 'aws-cloudtrail-enable-log-validation', 'AVD-AWS-0016'],
  resourceTypes: ['aws_cloudtrail'],
  attribute: 'enable_log_file_validation',
  rule: requireTrue,
  fail: {
    ...tf(`resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "example-trail"
  is_multi_region_trail      = true
  enable_log_file_validation = false
  kms_key_id                 = "arn:aws:kms:eu-west-1:123456789012:key/abcd"
}
`),
    lines: [5]
  },
  pass: tf(`resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "example-trail"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = "arn:aws:kms:eu-west-1:123456789012:key/abcd"
}
`)
})
