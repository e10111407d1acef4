import type {Check} from '../../../check'
import {attributeCheck} from '../attribute-check'
import {type TerraformDocument, requireTrue, tf} from '../helpers'

export const elasticacheTransitEncryption: Check<TerraformDocument> = attributeCheck({
  id: 'PG-TF-033',
  platform: 'terraform',
  severity: 'medium',
  title: 'ElastiCache replication group does not encrypt traffic',
  description: 'Without TLS, cached data and AUTH tokens cross the network in clear text.',
  remediation: 'Set transit_encryption_enabled = true.',
  docs: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/in-transit-encryption.html',
  aliases: ['CKV_AWS_30', 'aws-elasticache-enable-in-transit-encryption', 'AVD-AWS-0051'],
  resourceTypes: ['aws_elasticache_replication_group'],
  attribute: 'transit_encryption_enabled',
  rule: requireTrue,
  fail: {
    ...tf(`resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  description                = "cache"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = false
}
`),
    lines: [5]
  },
  pass: tf(`resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  description                = "cache"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}
`)
})
