import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {inheritsFromSource, isTrueValue, requireSetting} from '../../parsers/cloudformation-values'

export const rdsStorageEncrypted: Check<CloudFormationDoc> = {
  id: 'PG-CFN-011',
  platform: 'cloudformation',
  severity: 'high',
  title: 'RDS storage is not encrypted',
  description:
    'Unencrypted database storage, snapshots and replicas can be read by anyone who gets hold of a snapshot or the underlying volume (CIS AWS 2.3.1).',
  remediation:
    'Set StorageEncrypted to true (with a KmsKeyId for a customer-managed key); encryption cannot be added later without a restore.',
  docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
  aliases: ['CKV_AWS_16', 'F26', 'F27', 'RDS_STORAGE_ENCRYPTED'],
  run: doc =>
    requireSetting(
      doc,
      ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
      'StorageEncrypted',
      isTrueValue,
      r =>
        !inheritsFromSource(
          r,
          'DBClusterIdentifier',
          'SourceDBInstanceIdentifier',
          'SourceDBClusterIdentifier',
          'DBSnapshotIdentifier'
        )
    ),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      StorageEncrypted: false
  Member:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster
`,
    lines: [3, 11]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: true
`
  }
}
