import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {isTrueValue, requireSetting} from '../../parsers/cloudformation-values'

export const cloudtrailLogValidation: Check<CloudFormationDoc> = {
  id: 'PG-CFN-017',
  platform: 'cloudformation',
  severity: 'medium',
  title: 'CloudTrail log file validation is disabled',
  description:
    'Without digest files nobody can prove the logs were not altered or deleted after an intrusion (CIS AWS 3.2).',
  remediation: 'Set EnableLogFileValidation to true.',
  docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html',
  aliases: ['CKV_AWS_36', 'CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED'],
  run: doc =>
    requireSetting(doc, ['AWS::CloudTrail::Trail'], 'EnableLogFileValidation', isTrueValue),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      EnableLogFileValidation: false
`,
    lines: [7]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      EnableLogFileValidation: true
`
  }
}
