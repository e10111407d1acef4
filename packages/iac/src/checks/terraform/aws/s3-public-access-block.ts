import type {Check, CheckResult} from '../../../check'
import {type TerraformDocument, isFalse, resources, result, tf} from '../helpers'

const SETTINGS = [
  'block_public_acls',
  'block_public_policy',
  'ignore_public_acls',
  'restrict_public_buckets'
]

export const s3PublicAccessBlock: Check<TerraformDocument> = {
  id: 'PG-TF-002',
  platform: 'terraform',
  severity: 'high',
  title: 'S3 public access block leaves a setting off',
  description:
    'Each of the four public access block settings defaults to false; one left off lets a later ACL or bucket policy make data public.',
  remediation:
    'Set block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets to true.',
  docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  aliases: [
    'CKV_AWS_53',
    'CKV_AWS_54',
    'CKV_AWS_55',
    'CKV_AWS_56',
    'aws-s3-block-public-acls',
    'aws-s3-block-public-policy',
    'aws-s3-ignore-public-acls',
    'aws-s3-no-public-buckets'
  ],
  run: doc =>
    resources(
      doc,
      'aws_s3_bucket_public_access_block',
      'aws_s3_account_public_access_block'
    ).flatMap(r => {
      const out: CheckResult[] = []
      for (const name of SETTINGS) {
        const a = r.attr(name)
        if (!a)
          out.push(result(r, r.line, `${name} is not set (defaults to false) in ${r.address}`))
        else if (isFalse(a.value)) out.push(result(r, a.line, `${name} is false in ${r.address}`))
      }
      // One finding per line: several missing settings all point at the block header.
      return out.filter((f, i) => out.findIndex(o => o.line === f.line) === i)
    }),
  fail: {
    ...tf(`resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = "example-data"
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`),
    lines: [4]
  },
  pass: tf(`resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = "example-data"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`)
}
