import type {Check, CheckResult} from '../../../check'
import {
  type TerraformDocument,
  isFalse,
  related,
  resources,
  result,
  tf,
  toStringValue
} from '../helpers'

export const s3Versioning: Check<TerraformDocument> = {
  id: 'PG-TF-004',
  platform: 'terraform',
  hygiene: 'always',
  severity: 'medium',
  title: 'S3 bucket versioning is not enabled',
  description:
    'Without versioning an overwrite or delete (by mistake or by ransomware) cannot be undone.',
  remediation:
    'Add an aws_s3_bucket_versioning for the bucket with versioning_configuration { status = "Enabled" }.',
  docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
  aliases: ['CKV_AWS_21', 'aws-s3-enable-versioning', 'AVD-AWS-0090'],
  run: doc => {
    const out: CheckResult[] = []
    for (const v of resources(doc, 'aws_s3_bucket_versioning')) {
      const status = v.block('versioning_configuration')?.attr('status')
      const value = toStringValue(status?.value)
      if (status && value && value !== 'Enabled')
        out.push(result(v, status.line, `versioning is "${value}" (${v.address})`))
    }
    for (const b of resources(doc, 'aws_s3_bucket')) {
      const inline = b.block('versioning')
      if (inline) {
        const enabled = inline.attr('enabled')
        if (!enabled) out.push(result(b, inline.line))
        else if (isFalse(enabled.value)) out.push(result(b, enabled.line))
        continue
      }
      if (related(doc, 'aws_s3_bucket_versioning', b, 'bucket', 'bucket').length === 0)
        out.push(result(b))
    }
    return out
  },
  fail: {
    ...tf(`resource "aws_s3_bucket" "state" {
  bucket = "example-state"
}

resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id
  versioning_configuration {
    status = "Suspended"
  }
}
`),
    lines: [8]
  },
  pass: tf(`resource "aws_s3_bucket" "state" {
  bucket = "example-state"
}

resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id
  versioning_configuration {
    status = "Enabled"
  }
}
`)
}
