import type {Check} from '../../check'
import type {ComposeDoc} from '../../parsers/compose'
import {dangerousCapAdd} from './dangerous-cap-add'
import {hostNetworkMode} from './host-network-mode'
import {hostPidMode} from './host-pid-mode'
import {imageNotPinned} from './image-not-pinned'
import {privilegedService} from './privileged-service'
import {runtimeSocketMount} from './runtime-socket-mount'
import {secretInEnvironment} from './secret-in-environment'
import {securityOptUnconfined} from './security-opt-unconfined'
import {sensitivePortPublished} from './sensitive-port-published'

/** compose checks, in id order. */
export const composeChecks: Check<ComposeDoc>[] = [
  privilegedService,
  hostNetworkMode,
  runtimeSocketMount,
  hostPidMode,
  dangerousCapAdd,
  securityOptUnconfined,
  sensitivePortPublished,
  secretInEnvironment,
  imageNotPinned
]
