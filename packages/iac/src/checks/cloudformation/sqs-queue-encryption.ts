import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {
  hasProperty,
  isFalseValue,
  propertyLine,
  propertyText,
  resourcesOfType
} from '../../parsers/cloudformation-values'

export const sqsQueueEncryption: Check<CloudFormationDoc> = {
  id: 'PG-CFN-026',
  platform: 'cloudformation',
  severity: 'medium',
  title: 'SQS queue encryption is disabled',
  description:
    'With SqsManagedSseEnabled false and no KMS key the queue stores messages unencrypted at rest.',
  remediation: 'Remove SqsManagedSseEnabled: false or set KmsMasterKeyId.',
  docs: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html',
  aliases: ['CKV_AWS_27'],
  run: doc =>
    resourcesOfType(doc, 'AWS::SQS::Queue').flatMap(queue =>
      // SSE-SQS is on by default since 2022; only an explicit opt-out without a KMS key is unencrypted.
      isFalseValue(propertyText(doc, queue, 'SqsManagedSseEnabled')) &&
      !hasProperty(queue, 'KmsMasterKeyId')
        ? [{line: propertyLine(queue, 'SqsManagedSseEnabled'), resource: queue.logicalId}]
        : []
    ),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: false
`,
    lines: [6]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: false
      KmsMasterKeyId: alias/aws/sqs
  Default:
    Type: AWS::SQS::Queue
`
  }
}
