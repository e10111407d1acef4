import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {requireSetting} from '../../parsers/cloudformation-values'

export const launchTemplateImdsv2: Check<CloudFormationDoc> = {
  id: 'PG-CFN-021',
  platform: 'cloudformation',
  severity: 'high',
  title: 'Launch template does not require IMDSv2',
  description:
    'With IMDSv1 allowed, an SSRF in any application on the instance can read the instance role credentials from 169.254.169.254 (CIS AWS 5.6).',
  remediation: 'Set LaunchTemplateData.MetadataOptions.HttpTokens to required.',
  docs: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html',
  aliases: ['CKV_AWS_79'],
  run: doc =>
    requireSetting(
      doc,
      ['AWS::EC2::LaunchTemplate'],
      'LaunchTemplateData.MetadataOptions.HttpTokens',
      value => value === 'required'
    ),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Workers:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        InstanceType: t3.small
        MetadataOptions:
          HttpTokens: optional
`,
    lines: [9]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Workers:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        InstanceType: t3.small
        MetadataOptions:
          HttpTokens: required
          HttpPutResponseHopLimit: 1
`
  }
}
