import type {Check} from '../../../check'
import {type TerraformDocument, resources, result, tf, toStringValue} from '../helpers'

const PUBLIC_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read'])

export const s3PublicAcl: Check<TerraformDocument> = {
  id: 'PG-TF-001',
  platform: 'terraform',
  severity: 'high',
  title: 'S3 bucket ACL grants public access',
  description:
    'A canned ACL of public-read, public-read-write or authenticated-read lets anyone (or any AWS account) list or change the objects.',
  remediation:
    'Use acl = "private" (or drop the ACL and set object_ownership = "BucketOwnerEnforced") and share through policies.',
  docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl',
  aliases: ['CKV_AWS_20', 'CKV_AWS_57', 'aws-s3-no-public-access-with-acl', 'AVD-AWS-0092'],
  run: doc =>
    resources(doc, 'aws_s3_bucket', 'aws_s3_bucket_acl').flatMap(r => {
      const acl = r.attr('acl')
      const value = toStringValue(acl?.value)
      return acl && value && PUBLIC_ACLS.has(value)
        ? [result(r, acl.line, `S3 ACL "${value}" is public (${r.address})`)]
        : []
    }),
  fail: {
    ...tf(`resource "aws_s3_bucket" "site" {
  bucket = "example-site"
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = "public-read"
}
`),
    lines: [7]
  },
  pass: tf(`resource "aws_s3_bucket_acl" "site" {
  bucket = "example-site"
  acl    = "private"
}
`)
}
