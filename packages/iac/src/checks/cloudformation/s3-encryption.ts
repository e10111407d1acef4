import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {requireSetting} from '../../parsers/cloudformation-values'

export const s3Encryption: Check<CloudFormationDoc> = {
  id: 'PG-CFN-003',
  platform: 'cloudformation',
  hygiene: 'always',
  severity: 'low',
  title: 'S3 bucket has no explicit encryption configuration',
  description:
    'Without BucketEncryption the bucket relies on the account default (SSE-S3); KMS keys give access control and audit over who can decrypt (CIS AWS 2.1.1).',
  remediation: 'Add BucketEncryption with an SSE-KMS (aws:kms) or SSE-S3 default rule.',
  docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html',
  aliases: ['CKV_AWS_19', 'W41', 'S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED'],
  run: doc => requireSetting(doc, ['AWS::S3::Bucket'], 'BucketEncryption', () => true),
  fail: {
    fileName: 'template.json',
    text: `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Data": {
      "Type": "AWS::S3::Bucket",
      "Properties": {"BucketName": "data"}
    }
  }
}
`,
    lines: [4]
  },
  pass: {
    fileName: 'template.json',
    text: `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Data": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "BucketEncryption": {
          "ServerSideEncryptionConfiguration": [
            {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}
          ]
        }
      }
    }
  }
}
`
  }
}
