import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {requireSetting} from '../../parsers/cloudformation-values'

export const s3Versioning: Check<CloudFormationDoc> = {
  id: 'PG-CFN-004',
  platform: 'cloudformation',
  hygiene: 'always',
  severity: 'low',
  title: 'S3 bucket versioning is not enabled',
  description:
    'Without versioning an overwrite or delete (by mistake or by ransomware) destroys the only copy.',
  remediation: 'Set VersioningConfiguration.Status to Enabled.',
  docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
  aliases: ['CKV_AWS_21', 'S3_BUCKET_VERSIONING_ENABLED'],
  run: doc =>
    requireSetting(
      doc,
      ['AWS::S3::Bucket'],
      'VersioningConfiguration.Status',
      value => value === 'Enabled'
    ),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Suspended
`,
    lines: [7]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
`
  }
}
