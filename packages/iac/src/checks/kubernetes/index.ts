import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {allowPrivilegeEscalation} from './allow-privilege-escalation'
import {automountServiceAccountToken} from './automount-service-account-token'
import {capabilitiesNotDropped} from './capabilities-not-dropped'
import {clusterAdminBinding} from './cluster-admin-binding'
import {containerRuntimeSocket} from './container-runtime-socket'
import {dangerousCapabilities} from './dangerous-capabilities'
import {defaultNamespace} from './default-namespace'
import {hostIpc} from './host-ipc'
import {hostNetwork} from './host-network'
import {hostPathVolume} from './host-path-volume'
import {hostPid} from './host-pid'
import {hostPort} from './host-port'
import {imageTagNotPinned} from './image-tag-not-pinned'
import {imageWithoutDigest} from './image-without-digest'
import {missingLivenessProbe} from './liveness-probe-missing'
import {missingCpuLimit} from './missing-cpu-limit'
import {missingCpuRequest} from './missing-cpu-request'
import {missingMemoryLimit} from './missing-memory-limit'
import {missingMemoryRequest} from './missing-memory-request'
import {nodePortService} from './node-port-service'
import {privilegedContainer} from './privileged-container'
import {procMountUnmasked} from './proc-mount-unmasked'
import {rbacWildcard} from './rbac-wildcard'
import {readOnlyRootFilesystem} from './read-only-root-filesystem'
import {missingReadinessProbe} from './readiness-probe-missing'
import {runAsNonRoot} from './run-as-non-root'
import {runAsRootUser} from './run-as-root-user'
import {seccompProfileMissing} from './seccomp-profile-missing'
import {seccompUnconfined} from './seccomp-unconfined'
import {secretInEnv} from './secret-in-env'
import {unsafeSysctls} from './unsafe-sysctls'

/** Kubernetes checks, in id order. */
export const kubernetesChecks: Check<KubernetesDoc>[] = [
  privilegedContainer,
  allowPrivilegeEscalation,
  runAsNonRoot,
  runAsRootUser,
  hostPathVolume,
  hostNetwork,
  hostPid,
  hostIpc,
  dangerousCapabilities,
  capabilitiesNotDropped,
  readOnlyRootFilesystem,
  missingCpuLimit,
  missingMemoryLimit,
  missingCpuRequest,
  missingMemoryRequest,
  imageTagNotPinned,
  imageWithoutDigest,
  secretInEnv,
  defaultNamespace,
  rbacWildcard,
  clusterAdminBinding,
  automountServiceAccountToken,
  seccompUnconfined,
  seccompProfileMissing,
  hostPort,
  nodePortService,
  procMountUnmasked,
  unsafeSysctls,
  containerRuntimeSocket,
  missingLivenessProbe,
  missingReadinessProbe
]
