import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {inheritsFromSource, isTrueValue, requireSetting} from '../../parsers/cloudformation-values'

export const rdsDeletionProtection: Check<CloudFormationDoc> = {
  id: 'PG-CFN-012',
  platform: 'cloudformation',
  hygiene: 'always',
  severity: 'low',
  title: 'RDS deletion protection is not enabled',
  description:
    'Without deletion protection one mistaken stack update or API call deletes the database.',
  remediation: 'Set DeletionProtection to true.',
  docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection',
  aliases: ['CKV_AWS_293', 'CKV_AWS_139', 'F80', 'RDS_INSTANCE_DELETION_PROTECTION_ENABLED'],
  run: doc =>
    requireSetting(
      doc,
      ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
      'DeletionProtection',
      isTrueValue,
      // A cluster member is protected by its cluster's setting.
      r => !inheritsFromSource(r, 'DBClusterIdentifier')
    ),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DeletionProtection: false
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
      Engine: postgres
      DeletionProtection: true
`
  }
}
