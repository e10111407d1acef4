import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {isSet, requireSetting} from '../../parsers/cloudformation-values'

export const cloudtrailKms: Check<CloudFormationDoc> = {
  id: 'PG-CFN-018',
  platform: 'cloudformation',
  severity: 'medium',
  title: 'CloudTrail logs are not encrypted with KMS',
  description:
    'With only S3-managed encryption anyone who can read the bucket can read the audit log; a KMS key adds a separate permission and its own audit (CIS AWS 3.5).',
  remediation: 'Set KMSKeyId to a customer-managed KMS key.',
  docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
  aliases: ['CKV_AWS_35', 'CLOUD_TRAIL_ENCRYPTION_ENABLED'],
  run: doc => requireSetting(doc, ['AWS::CloudTrail::Trail'], 'KMSKeyId', isSet),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
`,
    lines: [3]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      KMSKeyId: !GetAtt TrailKey.Arn
`
  }
}
