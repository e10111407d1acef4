import type {Check} from '../../../check'
import {type TerraformDocument, related, resources, result, tf} from '../helpers'

export const s3Encryption: Check<TerraformDocument> = {
  id: 'PG-TF-003',
  platform: 'terraform',
  hygiene: 'always',
  severity: 'low',
  title: 'S3 bucket has no server-side encryption configuration',
  description:
    'Without an explicit configuration the bucket relies on the account default (SSE-S3); a KMS key gives access control and audit of decryption.',
  remediation:
    'Add an aws_s3_bucket_server_side_encryption_configuration for the bucket, preferably with sse_algorithm = "aws:kms".',
  docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/serv-side-encryption.html',
  aliases: ['CKV_AWS_19', 'CKV_AWS_145', 'aws-s3-enable-bucket-encryption', 'AVD-AWS-0088'],
  run: doc =>
    resources(doc, 'aws_s3_bucket')
      .filter(
        b =>
          !b.block('server_side_encryption_configuration') &&
          related(doc, 'aws_s3_bucket_server_side_encryption_configuration', b, 'bucket', 'bucket')
            .length === 0
      )
      .map(b => result(b)),
  fail: {
    ...tf(`resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
}
`),
    lines: [1]
  },
  pass: tf(`resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
`)
}
