import type {Check} from '../../../check'
import {attributeCheck} from '../attribute-check'
import {type TerraformDocument, requireTrue, tf} from '../helpers'

export const cloudtrailMultiRegion: Check<TerraformDocument> = attributeCheck({
  id: 'PG-TF-019',
  platform: 'terraform',
  severity: 'medium',
  title: 'CloudTrail trail does not cover all regions',
  description:
    'A single-region trail misses activity in every other region, where attackers like to start resources unnoticed.',
  remediation: 'Set is_multi_region_trail = true.',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1',
  aliases: ['CKV_AWS_67', 'aws-cloudtrail-enable-all-regions', 'AVD-AWS-0014'],
  resourceTypes: ['aws_cloudtrail'],
  attribute: 'is_multi_region_trail',
  rule: requireTrue,
  fail: {
    ...tf(`resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "example-trail"
  enable_log_file_validation = true
  kms_key_id                 = "arn:aws:kms:eu-west-1:123456789012:key/abcd"
}
`),
    lines: [1]
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
