import * as core from '@actions/core'
import {SCANNERS} from '@pipeguard/cli'
import {runAction, type ActionsCore} from '@pipeguard/core'

export async function run(actionsCore: ActionsCore = core): Promise<void> {
  const scanner = SCANNERS['iac']
  if (!scanner) {
    actionsCore.setFailed('pipeguard: the iac scanner is not part of this build')
    return
  }
  await runAction({core: actionsCore, scanners: [scanner]})
}
