import type {Check} from '../../../check'
import {type TerraformDocument, requireTrue, resources, tf} from '../helpers'

export const elasticacheAtRestEncryption: Check<TerraformDocument> = {
  id: 'PG-TF-032',
  platform: 'terraform',
  severity: 'medium',
  title: 'ElastiCache replication group is not encrypted at rest',
  description: 'Cached data, backups and swap files stay unencrypted on disk.',
  remediation: 'Set at_rest_encryption_enabled = true (and kms_key_id).',
  docs: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/at-rest-encryption.html',
  aliases: ['CKV_AWS_29', 'aws-elasticache-enable-at-rest-encryption', 'AVD-AWS-0045'],
  run: doc =>
    resources(doc, 'aws_elasticache_replication_group').flatMap(r =>
      requireTrue(r, 'at_rest_encryption_enabled')
    ),
  fail: {
    ...tf(`resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  description                = "cache"
  transit_encryption_enabled = true
}
`),
    lines: [1]
  },
  pass: tf(`resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  description                = "cache"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}
`)
}
