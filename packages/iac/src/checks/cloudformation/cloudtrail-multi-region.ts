import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {isTrueValue, requireSetting} from '../../parsers/cloudformation-values'

export const cloudtrailMultiRegion: Check<CloudFormationDoc> = {
  id: 'PG-CFN-016',
  platform: 'cloudformation',
  severity: 'medium',
  title: 'CloudTrail trail is not multi-region',
  description:
    'A single-region trail misses API activity in every other region, where attackers like to start resources unnoticed (CIS AWS 3.1).',
  remediation: 'Set IsMultiRegionTrail to true.',
  docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
  aliases: ['CKV_AWS_67', 'MULTI_REGION_CLOUD_TRAIL_ENABLED'],
  run: doc => requireSetting(doc, ['AWS::CloudTrail::Trail'], 'IsMultiRegionTrail', isTrueValue),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: !Ref TrailBucket
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
      IsMultiRegionTrail: true
      S3BucketName: !Ref TrailBucket
`
  }
}
