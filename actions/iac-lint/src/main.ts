import * as actionsCore from '@actions/core'
import {runAction, type ActionsCore, type ClientFactory} from '@pipeguard/core/github'
import {iacScanner} from '@pipeguard/iac'

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
  await runAction({
    core,
    env,
    createClient,
    actionId: 'iac-lint',
    title: 'pipeguard · IaC lint',
    scanners: [iacScanner]
  })
}
