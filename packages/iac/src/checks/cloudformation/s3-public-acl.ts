import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {forbidSetting} from '../../parsers/cloudformation-values'

export const s3PublicAcl: Check<CloudFormationDoc> = {
  id: 'PG-CFN-002',
  platform: 'cloudformation',
  severity: 'high',
  title: 'S3 bucket grants a public canned ACL',
  description:
    'PublicRead, PublicReadWrite and AuthenticatedRead let anyone (or any AWS account) list or change the bucket contents.',
  remediation:
    'Remove AccessControl (or use Private) and grant access through narrow bucket policies.',
  docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl',
  aliases: [
    'CKV_AWS_20',
    'CKV_AWS_57',
    'W31',
    'F14',
    'S3_BUCKET_PUBLIC_READ_PROHIBITED',
    'S3_BUCKET_PUBLIC_WRITE_PROHIBITED'
  ],
  run: doc =>
    forbidSetting(doc, ['AWS::S3::Bucket'], 'AccessControl', value =>
      ['PublicRead', 'PublicReadWrite', 'AuthenticatedRead'].includes(value)
    ),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
`,
    lines: [6]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: Private
`
  }
}
