import * as actionsCore from '@actions/core'
import {
  ConfigError,
  didYouMean,
  runAction,
  type ActionsCore,
  type ClientFactory,
  type Scanner
} from '@pipeguard/core/github'
import {createActionSecretsScanner} from '@pipeguard/secrets'
import {DEFAULT_SCAN_SCANNERS} from './constants'
import {SCANNERS} from './scanners'

export interface AllActionDeps {
  core?: ActionsCore
  env?: NodeJS.ProcessEnv
  createClient?: ClientFactory
}

/**
 * The root action: every chosen scanner in one step, one combined comment and summary. The secret
 * scan behaves as in the secret-scan action: a pull request's or push's commits, secrets masked.
 */
export async function run({
  core = actionsCore,
  env = process.env,
  createClient
}: AllActionDeps = {}): Promise<void> {
  const scannerFor = (name: string): Scanner | undefined => {
    if (name !== 'secrets' || !SCANNERS.secrets) return SCANNERS[name]
    return createActionSecretsScanner(env, secret => core.setSecret(secret))
  }
  await runAction({
    core,
    env,
    createClient,
    actionId: 'pipeguard',
    title: 'pipeguard',
    scanners: inputs => {
      const names = inputs.scanners ?? DEFAULT_SCAN_SCANNERS.filter(name => SCANNERS[name])
      return [...new Set(names)].map(name => {
        const scanner = scannerFor(name)
        if (scanner) return scanner
        const hint = didYouMean(name, Object.keys(SCANNERS))
        throw new ConfigError(
          `input "scanners": unknown scanner "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}; available: ${Object.keys(SCANNERS).join(', ') || 'none'}`
        )
      })
    }
  })
}
