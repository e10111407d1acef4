import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {isTrueValue, requireSetting} from '../../parsers/cloudformation-values'

export const ecrScanOnPush: Check<CloudFormationDoc> = {
  id: 'PG-CFN-023',
  platform: 'cloudformation',
  severity: 'medium',
  title: 'ECR repository does not scan images on push',
  description:
    'Without scan on push, images with known vulnerabilities are stored and deployed without anyone being told.',
  remediation:
    'Set ImageScanningConfiguration.ScanOnPush to true (or enable enhanced scanning for the registry).',
  docs: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
  aliases: ['CKV_AWS_163', 'W79', 'ECR_REPO_SCAN_ON_PUSH'],
  run: doc =>
    requireSetting(
      doc,
      ['AWS::ECR::Repository'],
      'ImageScanningConfiguration.ScanOnPush',
      isTrueValue
    ),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Repo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: api
      ImageTagMutability: IMMUTABLE
`,
    lines: [3]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Repo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: api
      ImageTagMutability: IMMUTABLE
      ImageScanningConfiguration:
        ScanOnPush: true
`
  }
}
