import * as actionsCore from '@actions/core'
import {SCANNERS} from '@pipeguard/cli'
import {runAction, type ActionsCore, type ClientFactory} from '@pipeguard/core'

export interface MainDeps {
  core?: ActionsCore
  env?: NodeJS.ProcessEnv
  createClient?: ClientFactory
}

/** The iac-lint action: the iac scanner with the shared GitHub reporting. */
export async function run({
  core = actionsCore,
  env = process.env,
  createClient
}: MainDeps = {}): Promise<void> {
  const scanner = SCANNERS['iac']
  if (!scanner) {
    core.setFailed('pipeguard: the iac scanner is not part of this build')
    return
  }
  await runAction({
    core,
    env,
    createClient,
    actionId: 'iac-lint',
    title: 'pipeguard · IaC lint',
    scanners: [scanner]
  })
}
