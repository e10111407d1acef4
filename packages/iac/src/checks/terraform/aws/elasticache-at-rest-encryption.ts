import type {Check} from '../../../check'
import {attributeCheck} from '../attribute-check'
import {type TerraformDocument, requireTrue, tf} from '../helpers'

export const elasticacheAtRestEncryption: Check<TerraformDocument> = attributeCheck({
  id: 'PG-TF-032',
  platform: 'terraform',
  severity: 'medium',
  title: 'ElastiCache replication group is not encrypted at rest',
  description: 'Cached data, backups and swap files stay unencrypted on disk.',
  remediation: 'Set at_rest_encryption_enabled = true (and kms_key_id).',
  docs: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/at-rest-encryption.html',
  aliases: ['CKV_AWS_29', 'aws-elasticache-enable-at-rest-encryption', 'AVD-AWS-0045'],
  resourceTypes: ['aws_elasticache_replication_group'],
  attribute: 'at_rest_encryption_enabled',
  rule: requireTrue,
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
})
