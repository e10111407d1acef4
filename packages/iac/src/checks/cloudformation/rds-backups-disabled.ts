import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {forbidSetting} from '../../parsers/cloudformation-values'

export const rdsBackupsDisabled: Check<CloudFormationDoc> = {
  id: 'PG-CFN-013',
  platform: 'cloudformation',
  severity: 'medium',
  title: 'RDS automated backups are disabled',
  description:
    'BackupRetentionPeriod 0 turns off automated backups and point-in-time recovery: data lost to a bug or an attack cannot be restored.',
  remediation: 'Set BackupRetentionPeriod to at least 7 days.',
  docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
  aliases: ['CKV_AWS_133', 'W75', 'DB_INSTANCE_BACKUP_ENABLED'],
  run: doc =>
    forbidSetting(
      doc,
      ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
      'BackupRetentionPeriod',
      value => Number(value) === 0
    ),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      BackupRetentionPeriod: 0
`,
    lines: [7]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      BackupRetentionPeriod: 14
`
  }
}
