import type {Check} from '../../../check'
import {type TerraformDocument, resources, result, tf} from '../helpers'
import {isAllow, isPublicPrincipal, policyOf} from './policy-json'

export const s3PolicyPublicPrincipal: Check<TerraformDocument> = {
  id: 'PG-TF-006',
  platform: 'terraform',
  severity: 'high',
  title: 'S3 bucket policy allows any principal',
  description:
    'An Allow statement for Principal "*" without a condition opens the bucket to everyone on the internet.',
  remediation:
    'Name the accounts or roles that need access, or add a Condition (aws:SourceVpce, aws:PrincipalOrgID).',
  docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html',
  aliases: ['CKV_AWS_70', 'aws-s3-no-public-buckets'],
  run: doc =>
    // aws_s3_bucket's own `policy` is the legacy (provider v3) inline form of the same thing.
    resources(doc, 'aws_s3_bucket_policy', 'aws_s3_bucket').flatMap(r => {
      const policy = policyOf(doc, r, 'policy')
      const open = policy?.statements.some(
        s => isAllow(s) && isPublicPrincipal(s.Principal) && !s.Condition
      )
      if (!policy || !open) return []
      const via = policy.document ? `, through ${policy.document}` : ''
      return [
        result(
          r,
          r.attr('policy')!.line,
          `S3 bucket policy allows any principal (${r.address}${via})`
        )
      ]
    }),
  fail: {
    ...tf(`resource "aws_s3_bucket_policy" "site" {
  bucket = "example-site"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::example-site/*"
    }]
  })
}
`),
    lines: [3]
  },
  pass: tf(`resource "aws_s3_bucket_policy" "site" {
  bucket = "example-site"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:role/reader" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::example-site/*"
    }]
  })
}
`)
}
