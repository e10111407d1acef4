import {readFileSync} from 'node:fs'
import type {Scanner} from '@pipeguard/core'
import {historyRangeForEvent, type EventPayload} from './event-range'
import {createSecretsScanner} from './scanner'

/**
 * The secrets scanner as both GitHub actions run it (secret-scan and the root action): on a pull
 * request or push it scans the event's commits, and hands every secret to `mask` (core.setSecret)
 * the moment it is found, before any report line is printed.
 */
export function createActionSecretsScanner(
  env: NodeJS.ProcessEnv,
  mask: (secret: string) => void
): Scanner {
  const history = historyRangeForEvent(
    env.GITHUB_EVENT_NAME,
    readEventPayload(env.GITHUB_EVENT_PATH)
  )
  // actions/checkout clones one commit deep by default: the range's commits are fetched then.
  return createSecretsScanner({onSecret: mask, ...(history ? {history, fetchMissing: true} : {})})
}

function readEventPayload(file: string | undefined): EventPayload {
  if (!file) return {}
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EventPayload
  } catch {
    return {}
  }
}
