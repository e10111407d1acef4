import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {isSet, requireSetting} from '../../parsers/cloudformation-values'

export const snsTopicEncryption: Check<CloudFormationDoc> = {
  id: 'PG-CFN-025',
  platform: 'cloudformation',
  severity: 'medium',
  title: 'SNS topic is not encrypted with KMS',
  description:
    'Messages are stored unencrypted at rest; a KMS key also controls which principals may publish and read.',
  remediation: 'Set KmsMasterKeyId (alias/aws/sns or a customer-managed key).',
  docs: 'https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html',
  aliases: ['CKV_AWS_26', 'W47', 'SNS_ENCRYPTED_KMS'],
  run: doc => requireSetting(doc, ['AWS::SNS::Topic'], 'KmsMasterKeyId', isSet),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Alerts:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: alerts
`,
    lines: [3]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Alerts:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: alerts
      KmsMasterKeyId: alias/aws/sns
`
  }
}
