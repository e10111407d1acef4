import type {Check} from '../../../check'
import {type TerraformDocument, isFalse, resources, result, tf} from '../helpers'

export const sqsEncryption: Check<TerraformDocument> = {
  id: 'PG-TF-040',
  platform: 'terraform',
  hygiene: 'always',
  severity: 'low',
  title: 'SQS queue encryption is turned off',
  description:
    'New queues get SQS-managed encryption by default; turning it off without a KMS key stores messages unencrypted.',
  remediation: 'Remove sqs_managed_sse_enabled = false, or set kms_master_key_id.',
  docs: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html',
  aliases: ['CKV_AWS_27', 'aws-sqs-enable-queue-encryption', 'AVD-AWS-0096'],
  run: doc =>
    resources(doc, 'aws_sqs_queue').flatMap(r => {
      const sse = r.attr('sqs_managed_sse_enabled')
      return sse && isFalse(sse.value) && !r.has('kms_master_key_id') ? [result(r, sse.line)] : []
    }),
  fail: {
    ...tf(`resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = false
}
`),
    lines: [3]
  },
  pass: tf(`resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = true
}
`)
}
