import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {isTrueValue, propertyText, requireSetting} from '../../parsers/cloudformation-values'

export const kmsKeyRotation: Check<CloudFormationDoc> = {
  id: 'PG-CFN-019',
  platform: 'cloudformation',
  severity: 'medium',
  title: 'KMS key rotation is not enabled',
  description:
    'Without rotation one key protects data for years; a leaked key material stays useful indefinitely (CIS AWS 3.6).',
  remediation: 'Set EnableKeyRotation to true on symmetric keys.',
  docs: 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
  aliases: ['CKV_AWS_7', 'F19', 'CMK_BACKING_KEY_ROTATION_ENABLED'],
  run: doc =>
    requireSetting(doc, ['AWS::KMS::Key'], 'EnableKeyRotation', isTrueValue, key => {
      // Rotation exists only for symmetric encryption keys.
      const spec = propertyText(doc, key, 'KeySpec')
      return spec === undefined || spec === 'SYMMETRIC_DEFAULT'
    }),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      Description: data key
  Signing:
    Type: AWS::KMS::Key
    Properties:
      KeySpec: ECC_NIST_P256
      KeyUsage: SIGN_VERIFY
`,
    lines: [3]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      Description: data key
      EnableKeyRotation: true
`
  }
}
