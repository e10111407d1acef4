import type {Check} from '../../../check'
import {attributeCheck} from '../attribute-check'
import {type TerraformDocument, requireTrue, tf} from '../helpers'

export const redshiftEncryption: Check<TerraformDocument> = attributeCheck({
  id: 'PG-TF-034',
  platform: 'terraform',
  severity: 'medium',
  title: 'Redshift cluster is not encrypted',
  description: 'Warehouse data and its snapshots are stored unencrypted.',
  remediation: 'Set encrypted = true (and kms_key_id for a customer managed key).',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-10',
  aliases: ['CKV_AWS_64', 'aws-redshift-encryption-customer-key', 'AVD-AWS-0084'],
  resourceTypes: ['aws_redshift_cluster'],
  attribute: 'encrypted',
  rule: requireTrue,
  fail: {
    ...tf(`resource "aws_redshift_cluster" "dw" {
  cluster_identifier = "dw"
  node_type          = "ra3.xlplus"
  encrypted          = false
}
`),
    lines: [4]
  },
  pass: tf(`resource "aws_redshift_cluster" "dw" {
  cluster_identifier = "dw"
  node_type          = "ra3.xlplus"
  encrypted          = true
}
`)
})
