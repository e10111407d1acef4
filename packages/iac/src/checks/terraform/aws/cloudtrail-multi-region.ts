import type {Check} from '../../../check'
import {type TerraformDocument, forbidFalse, requireTrue, resources, tf} from '../helpers'

export const cloudtrailMultiRegion: Check<TerraformDocument> = {
  id: 'PG-TF-019',
  platform: 'terraform',
  severity: 'medium',
  title: 'CloudTrail trail does not cover all regions',
  description:
    'A single-region trail misses activity in every other region, where attackers like to start resources unnoticed; one without global service events misses IAM and STS.',
  remediation:
    'Set is_multi_region_trail = true and keep include_global_service_events at its default (true).',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1',
  aliases: ['CKV_AWS_67', 'aws-cloudtrail-enable-all-regions', 'AVD-AWS-0014'],
  run: doc =>
    resources(doc, 'aws_cloudtrail').flatMap(r => [
      ...requireTrue(r, 'is_multi_region_trail'),
      ...forbidFalse(r, 'include_global_service_events').map(f => ({
        ...f,
        message: `CloudTrail trail does not record global service events such as IAM and STS (${r.address})`
      }))
    ]),
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
}
