import type {Check} from '../../../check'
import {type TerraformDocument, resources, result, tf, toNumber} from '../helpers'

export const rdsBackupRetention: Check<TerraformDocument> = {
  id: 'PG-TF-014',
  platform: 'terraform',
  severity: 'medium',
  title: 'RDS automated backups are disabled',
  description:
    'backup_retention_period = 0 turns off automated backups and point-in-time recovery.',
  remediation: 'Set backup_retention_period to 7 days or more.',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-11',
  aliases: ['CKV_AWS_133', 'aws-rds-specify-backup-retention', 'AVD-AWS-0077'],
  run: doc =>
    resources(doc, 'aws_db_instance', 'aws_rds_cluster').flatMap(r => {
      const a = r.attr('backup_retention_period')
      return a && toNumber(a.value) === 0 ? [result(r, a.line)] : []
    }),
  fail: {
    ...tf(`resource "aws_db_instance" "main" {
  engine                  = "mysql"
  instance_class          = "db.t4g.micro"
  backup_retention_period = 0
}
`),
    lines: [4]
  },
  pass: tf(`resource "aws_db_instance" "main" {
  engine                  = "mysql"
  instance_class          = "db.t4g.micro"
  backup_retention_period = 14
}
`)
}
