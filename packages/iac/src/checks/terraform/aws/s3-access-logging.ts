import type {Check} from '../../../check'
import {type TerraformDocument, related, resources, result, tf} from '../helpers'

export const s3AccessLogging: Check<TerraformDocument> = {
  id: 'PG-TF-005',
  platform: 'terraform',
  hygiene: 'always',
  severity: 'low',
  title: 'S3 bucket has no access logging',
  description:
    'Server access logs are the record of who read or changed objects; without them an incident cannot be traced.',
  remediation: 'Add an aws_s3_bucket_logging for the bucket with a target_bucket for the logs.',
  docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
  aliases: ['CKV_AWS_18', 'aws-s3-enable-bucket-logging', 'AVD-AWS-0089'],
  run: doc =>
    resources(doc, 'aws_s3_bucket')
      .filter(
        b =>
          !b.block('logging') &&
          related(doc, 'aws_s3_bucket_logging', b, 'bucket', 'bucket').length === 0
      )
      .map(b => result(b)),
  fail: {
    ...tf(`resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}
`),
    lines: [1]
  },
  pass: tf(`resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = "example-access-logs"
  target_prefix = "data/"
}
`)
}
