import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {requireSetting} from '../../parsers/cloudformation-values'

export const s3AccessLogging: Check<CloudFormationDoc> = {
  id: 'PG-CFN-005',
  platform: 'cloudformation',
  hygiene: 'always',
  severity: 'low',
  title: 'S3 bucket access logging is not enabled',
  description:
    'Without server access logs there is no record of who read or changed objects, which incident response needs (CIS AWS 3.6).',
  remediation: 'Add LoggingConfiguration with a DestinationBucketName.',
  docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
  aliases: ['CKV_AWS_18', 'W35', 'S3_BUCKET_LOGGING_ENABLED'],
  run: doc => requireSetting(doc, ['AWS::S3::Bucket'], 'LoggingConfiguration', () => true),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Data:
    Type: AWS::S3::Bucket
`,
    lines: [3]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: !Ref LogBucket
        LogFilePrefix: data/
`
  }
}
