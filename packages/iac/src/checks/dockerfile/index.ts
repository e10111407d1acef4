import type {Check} from '../../check'
import type {DockerfileDoc} from '../../parsers/dockerfile'
import {addInsteadOfCopy} from './add-instead-of-copy'
import {addRemoteUrl} from './add-remote-url'
import {apkWithoutNoCache} from './apk-without-no-cache'
import {aptInstallRecommends} from './apt-install-recommends'
import {aptListsNotRemoved} from './apt-lists-not-removed'
import {aptUpdateAlone} from './apt-update-alone'
import {aptVersionNotPinned} from './apt-version-not-pinned'
import {baseImageLatest} from './base-image-latest'
import {baseImageUntagged} from './base-image-untagged'
import {cdInRun} from './cd-in-run'
import {chmodWorldWritable} from './chmod-world-writable'
import {exposeSsh} from './expose-ssh'
import {lastUserRoot} from './last-user-root'
import {maintainerDeprecated} from './maintainer-deprecated'
import {missingHealthcheck} from './missing-healthcheck'
import {missingUser} from './missing-user'
import {pipWithoutNoCacheDir} from './pip-without-no-cache-dir'
import {pipeToShell} from './pipe-to-shell'
import {secretInEnvOrArg} from './secret-in-env-or-arg'
import {sudoInRun} from './sudo-in-run'

/** dockerfile checks, in id order. */
export const dockerfileChecks: Check<DockerfileDoc>[] = [
  missingUser,
  lastUserRoot,
  baseImageLatest,
  baseImageUntagged,
  addInsteadOfCopy,
  addRemoteUrl,
  pipeToShell,
  aptVersionNotPinned,
  aptListsNotRemoved,
  aptInstallRecommends,
  apkWithoutNoCache,
  pipWithoutNoCacheDir,
  secretInEnvOrArg,
  missingHealthcheck,
  sudoInRun,
  cdInRun,
  maintainerDeprecated,
  exposeSsh,
  chmodWorldWritable,
  aptUpdateAlone
]
