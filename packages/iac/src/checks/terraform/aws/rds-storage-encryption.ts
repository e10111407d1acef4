import type {Check} from '../../../check'
import {type TerraformDocument, requireTrue, resources, tf, toStringValue} from '../helpers'

export const rdsStorageEncryption: Check<TerraformDocument> = {
  id: 'PG-TF-013',
  platform: 'terraform',
  severity: 'high',
  title: 'RDS storage is not encrypted',
  description:
    'storage_encrypted defaults to false: data files, snapshots and backups are stored in clear and cannot be encrypted later in place.',
  remediation: 'Set storage_encrypted = true (and kms_key_id for a customer managed key).',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-3',
  aliases: [
    'CKV_AWS_16',
    'CKV_AWS_96',
    'aws-rds-encrypt-instance-storage-data',
    'aws-rds-encrypt-cluster-storage-data',
    'AVD-AWS-0080'
  ],
  run: doc =>
    resources(doc, 'aws_db_instance', 'aws_rds_cluster')
      // A read replica or a serverless v1 cluster inherits or forces encryption itself.
      .filter(
        r => !r.has('replicate_source_db') && toStringValue(r.value('engine_mode')) !== 'serverless'
      )
      .flatMap(r => requireTrue(r, 'storage_encrypted')),
  fail: {
    ...tf(`resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
  storage_encrypted = false
}
`),
    lines: [3]
  },
  pass: tf(`resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
  storage_encrypted = true
}
`)
}
