import type {Check} from '../../../check'
import {attributeCheck} from '../attribute-check'
import {type TerraformDocument, forbidTrue, tf} from '../helpers'

export const rdsPublic: Check<TerraformDocument> = attributeCheck({
  id: 'PG-TF-012',
  platform: 'terraform',
  severity: 'high',
  title: 'RDS instance is publicly accessible',
  description: 'A public endpoint lets anyone on the internet try to log in to the database.',
  remediation: 'Set publicly_accessible = false and reach the database from inside the VPC.',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-2',
  aliases: ['CKV_AWS_17', 'aws-rds-no-public-db-access', 'AVD-AWS-0180'],
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
  attribute: 'publicly_accessible',
  rule: forbidTrue,
  fail: {
    ...tf(`resource "aws_db_instance" "main" {
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  publicly_accessible = true
}
`),
    lines: [4]
  },
  pass: tf(`resource "aws_db_instance" "main" {
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  publicly_accessible = false
}
`)
})
