import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {requireSetting} from '../../parsers/cloudformation-values'

export const ecrTagMutability: Check<CloudFormationDoc> = {
  id: 'PG-CFN-024',
  platform: 'cloudformation',
  hygiene: 'always',
  severity: 'low',
  title: 'ECR image tags are mutable',
  description:
    'With mutable tags anyone with push rights can replace the image behind `v1.2.3`, and deployments silently run different code.',
  remediation: 'Set ImageTagMutability to IMMUTABLE.',
  docs: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html',
  aliases: ['CKV_AWS_51'],
  run: doc =>
    requireSetting(
      doc,
      ['AWS::ECR::Repository'],
      'ImageTagMutability',
      value => value === 'IMMUTABLE'
    ),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Repo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: api
      ImageTagMutability: MUTABLE
`,
    lines: [7]
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
`
  }
}
