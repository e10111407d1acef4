import type {Check} from '../../check'
import type {CfnResource, CloudFormationDoc} from '../../parsers/cloudformation'
import {
  intrinsic,
  propertyText,
  requireSetting,
  resourcesOfType
} from '../../parsers/cloudformation-values'
import {get, text} from '../../parsers/yaml-document'

/**
 * The buckets that receive access logs: named by another bucket's DestinationBucketName (`!Ref`
 * or its BucketName) or granting LogDeliveryWrite. Logging a log bucket to itself loops, and to a
 * third bucket only moves the question.
 */
function logTargets(doc: CloudFormationDoc): Set<CfnResource> {
  const buckets = resourcesOfType(doc, 'AWS::S3::Bucket')
  const targets = new Set<CfnResource>()
  for (const bucket of buckets) {
    if (propertyText(doc, bucket, 'AccessControl') === 'LogDeliveryWrite') targets.add(bucket)
    const destination = get(bucket.properties, 'LoggingConfiguration.DestinationBucketName')
    const call = intrinsic(destination)
    const byRef = call?.fn === 'Ref' ? text(call.arg) : undefined
    const byName = call ? undefined : text(destination)
    for (const other of buckets) {
      if (other === bucket) continue
      if (
        byRef === other.logicalId ||
        (byName && propertyText(doc, other, 'BucketName') === byName)
      )
        targets.add(other)
    }
  }
  return targets
}

export const s3AccessLogging: Check<CloudFormationDoc> = {
  id: 'PG-CFN-005',
  platform: 'cloudformation',
  hygiene: 'always',
  severity: 'low',
  title: 'S3 bucket access logging is not enabled',
  description:
    'Without server access logs there is no record of who read or changed objects, which incident response needs (CIS AWS 3.6).',
  remediation: 'Add LoggingConfiguration with a DestinationBucketName.',
  docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
  aliases: ['CKV_AWS_18', 'W35', 'S3_BUCKET_LOGGING_ENABLED'],
  run: doc => {
    const targets = logTargets(doc)
    return requireSetting(
      doc,
      ['AWS::S3::Bucket'],
      'LoggingConfiguration',
      () => true,
      bucket => !targets.has(bucket)
    )
  },
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Data:
    Type: AWS::S3::Bucket
`,
    lines: [3]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: !Ref LogBucket
        LogFilePrefix: data/
`
  }
}
