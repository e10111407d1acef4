import {isObject, toBool, toNumber, toStringValue} from '../../../parsers/hcl-eval'
import type {HclValue} from '../../../parsers/hcl-expr'
import type {BlockView} from '../../../parsers/terraform-model'
import {strings} from '../helpers'

/**
 * One input of a terraform-aws-modules module that, set to a bad value at the caller, makes the
 * module create what an existing check reports. Built from each module's variables.tf and main.tf
 * (see SOURCE.md beside this file); only explicit values count, since the modules' defaults are safe.
 */
export interface ModuleInputRule {
  /** terraform-aws-modules unless said. */
  namespace?: 'terraform-google-modules'
  module: string
  /** Root module when absent. */
  submodule?: string
  check: string
  input: string
  /** Whether the caller's value (and its other inputs) make the resource fail the check. */
  bad: (value: HclValue, call: BlockView) => boolean
  /** What the bad value does, for the message. */
  why: string
}

const isFalse = (v: HclValue | undefined) => toBool(v) === false
const isTrue = (v: HclValue | undefined) => toBool(v) === true
const PUBLIC_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read'])
const field = (v: HclValue, key: string): HclValue | undefined =>
  isObject(v) && Object.hasOwn(v, key) ? v[key] : undefined

/** The s3-bucket module's versioning map: `enabled`, else `status` as a bool or "Enabled"/"Suspended". */
function versioningOff(v: HclValue): boolean {
  const enabled = field(v, 'enabled')
  if (enabled !== undefined) return isFalse(enabled)
  const status = field(v, 'status')
  return isFalse(status) || toStringValue(status)?.toLowerCase() === 'suspended'
}

const S3_BLOCKS = [
  'block_public_acls',
  'block_public_policy',
  'ignore_public_acls',
  'restrict_public_buckets'
]

export const MODULE_INPUT_RULES: ModuleInputRule[] = [
  {
    module: 's3-bucket',
    check: 'PG-TF-001',
    input: 'acl',
    bad: v => PUBLIC_ACLS.has(toStringValue(v) ?? ''),
    why: 'makes the bucket ACL public'
  },
  {
    module: 's3-bucket',
    check: 'PG-TF-004',
    input: 'versioning',
    bad: versioningOff,
    why: 'leaves versioning off'
  },
  ...S3_BLOCKS.map(input => ({
    module: 's3-bucket',
    check: 'PG-TF-002',
    input,
    bad: isFalse,
    why: 'turns off one of the four public access blocks'
  })),
  {
    module: 'rds',
    check: 'PG-TF-012',
    input: 'publicly_accessible',
    bad: isTrue,
    why: 'gives the database a public address'
  },
  {
    module: 'rds',
    check: 'PG-TF-013',
    input: 'storage_encrypted',
    // A read replica takes its encryption from the source database.
    bad: (v, call) => isFalse(v) && !call.has('replicate_source_db'),
    why: 'leaves storage unencrypted'
  },
  {
    module: 'rds-aurora',
    check: 'PG-TF-013',
    input: 'storage_encrypted',
    bad: isFalse,
    why: 'leaves the cluster storage unencrypted'
  },
  {
    module: 'rds',
    check: 'PG-TF-014',
    input: 'backup_retention_period',
    // A read replica has no automated backups of its own by design.
    bad: (v, call) => toNumber(v) === 0 && !call.has('replicate_source_db'),
    why: 'turns automated backups off'
  },
  {
    module: 'ec2-instance',
    check: 'PG-TF-027',
    input: 'associate_public_ip_address',
    bad: isTrue,
    why: 'gives the instance a public IP address'
  },
  {
    module: 'ec2-instance',
    check: 'PG-TF-026',
    input: 'metadata_options',
    bad: v => toStringValue(field(v, 'http_tokens')) === 'optional',
    why: 'allows IMDSv1 (http_tokens = "optional")'
  },
  {
    module: 'sqs',
    check: 'PG-TF-040',
    input: 'sqs_managed_sse_enabled',
    // A customer-managed key encrypts the queue instead.
    bad: (v, call) => isFalse(v) && !call.has('kms_master_key_id'),
    why: 'leaves the queue unencrypted'
  },
  ...['endpoint_public_access', 'cluster_endpoint_public_access'].map(input => ({
    module: 'eks',
    check: 'PG-TF-023',
    input,
    // The module's default public_access_cidrs is 0.0.0.0/0.
    bad: (v: HclValue, call: BlockView) => {
      if (!isTrue(v)) return false
      const cidrs = call.has(`${input}_cidrs`)
        ? strings(call.value(`${input}_cidrs`))
        : ['0.0.0.0/0']
      return cidrs?.some(c => c === '0.0.0.0/0' || c === '::/0') ?? false
    },
    why: 'opens the Kubernetes API endpoint to the internet'
  })),
  // The private-cluster variants default enable_private_nodes to true.
  ...[
    'private-cluster',
    'private-cluster-update-variant',
    'beta-private-cluster',
    'beta-private-cluster-update-variant'
  ].map(submodule => ({
    namespace: 'terraform-google-modules' as const,
    module: 'kubernetes-engine',
    submodule,
    check: 'PG-TF-069',
    input: 'enable_private_nodes',
    bad: isFalse,
    why: 'gives the nodes public IP addresses'
  }))
]
