import type {Check} from '../../../check'
import {attributeCheck} from '../attribute-check'
import {type TerraformDocument, requireTrue, tf} from '../helpers'

export const rdsDeletionProtection: Check<TerraformDocument> = attributeCheck({
  id: 'PG-TF-015',
  platform: 'terraform',
  hygiene: 'always',
  severity: 'low',
  title: 'RDS deletion protection is off',
  description:
    'Without deletion protection a mistaken apply or a compromised pipeline can drop the database in one call.',
  remediation: 'Set deletion_protection = true.',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-8',
  aliases: ['CKV_AWS_293', 'CKV_AWS_139', 'AVD-AWS-0177'],
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  attribute: 'deletion_protection',
  rule: requireTrue,
  fail: {
    ...tf(`resource "aws_rds_cluster" "main" {
  engine              = "aurora-mysql"
  storage_encrypted   = true
  deletion_protection = false
}
`),
    lines: [4]
  },
  pass: tf(`resource "aws_rds_cluster" "main" {
  engine              = "aurora-mysql"
  storage_encrypted   = true
  deletion_protection = true
}
`)
})
