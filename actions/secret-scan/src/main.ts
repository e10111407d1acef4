import * as actionsCore from '@actions/core'
import {runAction, type ActionsCore, type ClientFactory} from '@pipeguard/core/github'
import {createActionSecretsScanner} from '@pipeguard/secrets'

export interface MainDeps {
  core?: ActionsCore
  env?: NodeJS.ProcessEnv
  createClient?: ClientFactory
}

/**
 * The secret-scan action: the secrets scanner with the shared GitHub reporting. On a pull request
 * it scans the PR's commits (base..head), and every secret is masked in the log the moment it is
 * found, before any report line is printed.
 */
export async function run({
  core = actionsCore,
  env = process.env,
  createClient
}: MainDeps = {}): Promise<void> {
  const scanner = createActionSecretsScanner(env, secret => core.setSecret(secret))
  await runAction({
    core,
    env,
    createClient,
    actionId: 'secret-scan',
    title: 'pipeguard · Secret scan',
    scanners: [scanner]
  })
}
