import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {cloudtrailKms} from './cloudtrail-kms'
import {cloudtrailLogValidation} from './cloudtrail-log-validation'
import {cloudtrailMultiRegion} from './cloudtrail-multi-region'
import {ebsVolumeEncryption} from './ebs-volume-encryption'
import {ecrScanOnPush} from './ecr-scan-on-push'
import {ecrTagMutability} from './ecr-tag-mutability'
import {efsEncryption} from './efs-encryption'
import {eksPublicEndpoint} from './eks-public-endpoint'
import {iamAdminPolicy} from './iam-admin-policy'
import {kmsKeyRotation} from './kms-key-rotation'
import {lambdaUrlNoAuth} from './lambda-url-no-auth'
import {launchTemplateImdsv2} from './launch-template-imdsv2'
import {loadBalancerHttpListener} from './load-balancer-http-listener'
import {rdsBackupsDisabled} from './rds-backups-disabled'
import {rdsDeletionProtection} from './rds-deletion-protection'
import {rdsPubliclyAccessible} from './rds-publicly-accessible'
import {rdsStorageEncrypted} from './rds-storage-encrypted'
import {s3AccessLogging} from './s3-access-logging'
import {s3Encryption} from './s3-encryption'
import {s3PublicAccessBlock} from './s3-public-access-block'
import {s3PublicAcl} from './s3-public-acl'
import {s3Versioning} from './s3-versioning'
import {securityGroupAllPortsOpen} from './security-group-all-ports-open'
import {securityGroupRdpOpen} from './security-group-rdp-open'
import {securityGroupSshOpen} from './security-group-ssh-open'
import {snsTopicEncryption} from './sns-topic-encryption'
import {sqsQueueEncryption} from './sqs-queue-encryption'

/** cloudformation checks, in id order. */
export const cloudformationChecks: Check<CloudFormationDoc>[] = [
  s3PublicAccessBlock,
  s3PublicAcl,
  s3Encryption,
  s3Versioning,
  s3AccessLogging,
  securityGroupSshOpen,
  securityGroupRdpOpen,
  securityGroupAllPortsOpen,
  iamAdminPolicy,
  rdsPubliclyAccessible,
  rdsStorageEncrypted,
  rdsDeletionProtection,
  rdsBackupsDisabled,
  ebsVolumeEncryption,
  efsEncryption,
  cloudtrailMultiRegion,
  cloudtrailLogValidation,
  cloudtrailKms,
  kmsKeyRotation,
  eksPublicEndpoint,
  launchTemplateImdsv2,
  lambdaUrlNoAuth,
  ecrScanOnPush,
  ecrTagMutability,
  snsTopicEncryption,
  sqsQueueEncryption,
  loadBalancerHttpListener
]
