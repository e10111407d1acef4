import {readFileSync} from 'node:fs'
import * as actionsCore from '@actions/core'
import {runAction, type ActionsCore, type ClientFactory} from '@pipeguard/core/github'
import {createSecretsScanner, historyRangeForEvent, type EventPayload} from '@pipeguard/secrets'

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
  const history = historyRangeForEvent(
    env.GITHUB_EVENT_NAME,
    readEventPayload(env.GITHUB_EVENT_PATH)
  )
  const scanner = createSecretsScanner({
    onSecret: secret => core.setSecret(secret),
    ...(history ? {history} : {})
  })
  await runAction({
    core,
    env,
    createClient,
    actionId: 'secret-scan',
    title: 'pipeguard · Secret scan',
    scanners: [scanner]
  })
}

function readEventPayload(file: string | undefined): EventPayload {
  if (!file) return {}
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EventPayload
  } catch {
    return {}
  }
}
