import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {isTrueValue, requireSetting} from '../../parsers/cloudformation-values'

export const efsEncryption: Check<CloudFormationDoc> = {
  id: 'PG-CFN-015',
  platform: 'cloudformation',
  severity: 'medium',
  title: 'EFS file system is not encrypted',
  description:
    'An unencrypted EFS file system stores data in clear text at rest; encryption can only be chosen when it is created (CIS AWS 2.4.1).',
  remediation: 'Set Encrypted to true (and KmsKeyId for a customer-managed key).',
  docs: 'https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html',
  aliases: ['CKV_AWS_42', 'F32', 'EFS_ENCRYPTED_CHECK'],
  run: doc => requireSetting(doc, ['AWS::EFS::FileSystem'], 'Encrypted', isTrueValue),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Shared:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: false
`,
    lines: [6]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Shared:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
`
  }
}
