import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {isTrueValue, requireSetting} from '../../parsers/cloudformation-values'

export const ebsVolumeEncryption: Check<CloudFormationDoc> = {
  id: 'PG-CFN-014',
  platform: 'cloudformation',
  severity: 'medium',
  title: 'EBS volume is not encrypted',
  description:
    'An unencrypted volume and its snapshots can be read by anyone who can copy or share the snapshot (CIS AWS 2.2.1).',
  remediation:
    'Set Encrypted to true (and KmsKeyId for a customer-managed key), or enable EBS encryption by default.',
  docs: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
  aliases: ['CKV_AWS_3', 'F1', 'ENCRYPTED_VOLUMES'],
  run: doc => requireSetting(doc, ['AWS::EC2::Volume'], 'Encrypted', isTrueValue),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Disk:
    Type: AWS::EC2::Volume
    Properties:
      Size: 100
      AvailabilityZone: eu-west-1a
`,
    lines: [3]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Disk:
    Type: AWS::EC2::Volume
    Properties:
      Size: 100
      AvailabilityZone: eu-west-1a
      Encrypted: true
`
  }
}
