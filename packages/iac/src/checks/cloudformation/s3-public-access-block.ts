import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {
  hasProperty,
  isTrueValue,
  propertyLine,
  propertyText,
  resourcesOfType
} from '../../parsers/cloudformation-values'

const FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets']

export const s3PublicAccessBlock: Check<CloudFormationDoc> = {
  id: 'PG-CFN-001',
  platform: 'cloudformation',
  severity: 'high',
  title: 'S3 bucket does not block public access',
  description:
    'A PublicAccessBlockConfiguration that turns a Block Public Access setting off lets a bucket policy or ACL written by mistake expose the data to the internet (CIS AWS 2.1.4). Without the property, AWS blocks public access on new buckets (since April 2023).',
  remediation:
    'Set PublicAccessBlockConfiguration with BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls and RestrictPublicBuckets all true.',
  docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  aliases: [
    'CKV_AWS_53',
    'CKV_AWS_54',
    'CKV_AWS_55',
    'CKV_AWS_56',
    'S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED'
  ],
  run: doc =>
    resourcesOfType(doc, 'AWS::S3::Bucket').flatMap(bucket => {
      // Since April 2023 AWS blocks public access on new buckets unless the template says otherwise.
      if (!hasProperty(bucket, 'PublicAccessBlockConfiguration')) return []
      return FLAGS.flatMap(flag => {
        const path = `PublicAccessBlockConfiguration.${flag}`
        // An absent flag defaults to false; an unresolvable intrinsic cannot be decided.
        if (!hasProperty(bucket, path)) {
          return [
            {
              line: propertyLine(bucket, 'PublicAccessBlockConfiguration'),
              resource: bucket.logicalId,
              message: `${bucket.logicalId} does not set ${flag}`
            }
          ]
        }
        const value = propertyText(doc, bucket, path)
        return value !== undefined && !isTrueValue(value)
          ? [
              {
                line: propertyLine(bucket, path),
                resource: bucket.logicalId,
                message: `${bucket.logicalId} sets ${flag} to ${value}`
              }
            ]
          : []
      })
    }),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Open:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: !Ref AllowPolicies
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
Parameters:
  AllowPolicies:
    Type: String
    Default: 'false'
`,
    lines: [10]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Default:
    Type: AWS::S3::Bucket
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
`
  }
}
