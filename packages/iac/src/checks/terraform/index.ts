import type {Check} from '../../check'
import type {TerraformDocument} from '../../parsers/terraform-module'
import {albHttpListener} from './aws/alb-http-listener'
import {cloudfrontMinTls} from './aws/cloudfront-min-tls'
import {cloudfrontViewerProtocol} from './aws/cloudfront-viewer-protocol'
import {cloudtrailKms} from './aws/cloudtrail-kms'
import {cloudtrailLogValidation} from './aws/cloudtrail-log-validation'
import {cloudtrailMultiRegion} from './aws/cloudtrail-multi-region'
import {ebsDefaultEncryption} from './aws/ebs-default-encryption'
import {ebsVolumeEncryption} from './aws/ebs-volume-encryption'
import {ec2Imdsv2} from './aws/ec2-imdsv2'
import {ec2PublicIp} from './aws/ec2-public-ip'
import {ecrImmutableTags} from './aws/ecr-immutable-tags'
import {ecrScanOnPush} from './aws/ecr-scan-on-push'
import {efsEncryption} from './aws/efs-encryption'
import {eksControlPlaneLogging} from './aws/eks-control-plane-logging'
import {eksPublicEndpoint} from './aws/eks-public-endpoint'
import {eksSecretsEncryption} from './aws/eks-secrets-encryption'
import {elasticacheAtRestEncryption} from './aws/elasticache-at-rest-encryption'
import {elasticacheTransitEncryption} from './aws/elasticache-transit-encryption'
import {iamAdminPolicy} from './aws/iam-admin-policy'
import {kmsKeyRotation} from './aws/kms-key-rotation'
import {lambdaEnvSecrets} from './aws/lambda-env-secrets'
import {lambdaUrlAuth} from './aws/lambda-url-auth'
import {opensearchEncryption} from './aws/opensearch-encryption'
import {rdsBackupRetention} from './aws/rds-backup-retention'
import {rdsDeletionProtection} from './aws/rds-deletion-protection'
import {rdsPublic} from './aws/rds-public'
import {rdsStorageEncryption} from './aws/rds-storage-encryption'
import {redshiftEncryption} from './aws/redshift-encryption'
import {s3AccessLogging} from './aws/s3-access-logging'
import {s3Encryption} from './aws/s3-encryption'
import {s3PolicyPublicPrincipal} from './aws/s3-policy-public-principal'
import {s3PublicAccessBlock} from './aws/s3-public-access-block'
import {s3PublicAcl} from './aws/s3-public-acl'
import {s3Versioning} from './aws/s3-versioning'
import {sgOpenAllPorts} from './aws/sg-open-all-ports'
import {sgOpenDatabasePorts} from './aws/sg-open-database-ports'
import {sgOpenRdp} from './aws/sg-open-rdp'
import {sgOpenSsh} from './aws/sg-open-ssh'
import {snsEncryption} from './aws/sns-encryption'
import {sqsEncryption} from './aws/sqs-encryption'
import {aksPrivateCluster} from './azure/aks-private-cluster'
import {aksRbac} from './azure/aks-rbac'
import {appServiceHttpsOnly} from './azure/app-service-https-only'
import {appServiceMinTls} from './azure/app-service-min-tls'
import {keyVaultNetworkAcls} from './azure/key-vault-network-acls'
import {keyVaultPurgeProtection} from './azure/key-vault-purge-protection'
import {keyVaultSoftDelete} from './azure/key-vault-soft-delete'
import {nsgOpenRdp} from './azure/nsg-open-rdp'
import {nsgOpenSsh} from './azure/nsg-open-ssh'
import {sqlAuditing} from './azure/sql-auditing'
import {sqlMinTls} from './azure/sql-min-tls'
import {sqlPublicNetwork} from './azure/sql-public-network'
import {storageContainerPublic} from './azure/storage-container-public'
import {storageHttpsOnly} from './azure/storage-https-only'
import {storageMinTls} from './azure/storage-min-tls'
import {storageNetworkDefaultAllow} from './azure/storage-network-default-allow'
import {storagePublicNestedItems} from './azure/storage-public-nested-items'
import {cloudsqlPublicNetwork} from './gcp/cloudsql-public-network'
import {cloudsqlRequireSsl} from './gcp/cloudsql-require-ssl'
import {computeDefaultServiceAccount} from './gcp/compute-default-service-account'
import {computeOsLogin} from './gcp/compute-os-login'
import {computePublicIp} from './gcp/compute-public-ip'
import {computeSerialPort} from './gcp/compute-serial-port'
import {computeShieldedVm} from './gcp/compute-shielded-vm'
import {firewallOpenRdp} from './gcp/firewall-open-rdp'
import {firewallOpenSsh} from './gcp/firewall-open-ssh'
import {gkeLegacyAbac} from './gcp/gke-legacy-abac'
import {gkeMasterAuthorizedNetworks} from './gcp/gke-master-authorized-networks'
import {gkeNetworkPolicy} from './gcp/gke-network-policy'
import {gkeNodeAutoUpgrade} from './gcp/gke-node-auto-upgrade'
import {gkePrivateNodes} from './gcp/gke-private-nodes'
import {kmsRotation} from './gcp/kms-rotation'
import {storagePublicIam} from './gcp/storage-public-iam'
import {storageUniformAccess} from './gcp/storage-uniform-access'
import {withModuleInputs} from './modules/module-input-findings'

/**
 * Every Terraform check (AWS, Azure, GCP), in id order; those a terraform-aws-modules input can
 * fail also read the module calls.
 */
export const terraformChecks: Check<TerraformDocument>[] = [
  s3PublicAcl,
  s3PublicAccessBlock,
  s3Encryption,
  s3Versioning,
  s3AccessLogging,
  s3PolicyPublicPrincipal,
  sgOpenSsh,
  sgOpenRdp,
  sgOpenAllPorts,
  sgOpenDatabasePorts,
  iamAdminPolicy,
  rdsPublic,
  rdsStorageEncryption,
  rdsBackupRetention,
  rdsDeletionProtection,
  ebsVolumeEncryption,
  ebsDefaultEncryption,
  efsEncryption,
  cloudtrailMultiRegion,
  cloudtrailLogValidation,
  cloudtrailKms,
  kmsKeyRotation,
  eksPublicEndpoint,
  eksSecretsEncryption,
  eksControlPlaneLogging,
  ec2Imdsv2,
  ec2PublicIp,
  lambdaEnvSecrets,
  lambdaUrlAuth,
  ecrScanOnPush,
  ecrImmutableTags,
  elasticacheAtRestEncryption,
  elasticacheTransitEncryption,
  redshiftEncryption,
  opensearchEncryption,
  albHttpListener,
  cloudfrontViewerProtocol,
  cloudfrontMinTls,
  snsEncryption,
  sqsEncryption,
  storagePublicNestedItems,
  storageContainerPublic,
  storageMinTls,
  storageHttpsOnly,
  storageNetworkDefaultAllow,
  nsgOpenSsh,
  nsgOpenRdp,
  keyVaultPurgeProtection,
  keyVaultSoftDelete,
  keyVaultNetworkAcls,
  sqlPublicNetwork,
  sqlMinTls,
  sqlAuditing,
  aksRbac,
  aksPrivateCluster,
  appServiceHttpsOnly,
  appServiceMinTls,
  storagePublicIam,
  storageUniformAccess,
  firewallOpenSsh,
  firewallOpenRdp,
  computePublicIp,
  computeSerialPort,
  computeDefaultServiceAccount,
  computeOsLogin,
  computeShieldedVm,
  gkeLegacyAbac,
  gkeMasterAuthorizedNetworks,
  gkePrivateNodes,
  gkeNetworkPolicy,
  gkeNodeAutoUpgrade,
  cloudsqlPublicNetwork,
  cloudsqlRequireSsl,
  kmsRotation
].map(withModuleInputs)
