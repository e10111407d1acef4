import {getOctokit} from '@actions/github'
import {retry} from '@octokit/plugin-retry'
import {throttling} from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck'
import {TOOL_NAME, VERSION} from '../version'

/** A rate-limited request is retried this many times, then it fails (and the caller warns). */
export const RATE_LIMIT_RETRIES = 2
/** Server errors (5xx) are retried this many times with quadratic backoff. */
export const SERVER_ERROR_RETRIES = 3
/** GitHub asks integrations to leave about a second between content-creating requests. */
export const WRITE_INTERVAL_MS = 1000

export interface OctokitOptions {
  /** REST API base; GITHUB_API_URL on GitHub Enterprise Server. */
  baseUrl?: string
  /**
   * Backoff unit for 5xx retries and the pause between writes, in milliseconds. Production keeps the
   * defaults; tests shrink them so a suite of runs stays fast. Retry-After from a rate limit is
   * always honoured in full.
   */
  retryBaseMs?: number
  writeIntervalMs?: number
  log?: (message: string) => void
}

export type GitHubClient = ReturnType<typeof getOctokit>

/** The only way pipeguard talks to GitHub: retry + throttling plugins, GHES-aware base URL. */
export function createOctokit(token: string, options: OctokitOptions = {}): GitHubClient {
  const log = options.log ?? (() => {})
  const writeIntervalMs = options.writeIntervalMs ?? WRITE_INTERVAL_MS
  const retryHandler =
    (kind: string) =>
    (
      retryAfter: number,
      request: {method: string; url: string},
      _octokit: unknown,
      retryCount: number
    ): boolean => {
      if (retryCount >= RATE_LIMIT_RETRIES) {
        log(
          `${kind} rate limit on ${request.method} ${request.url}: giving up after ${retryCount} retries`
        )
        return false
      }
      log(`${kind} rate limit on ${request.method} ${request.url}: retrying in ${retryAfter} s`)
      return true
    }
  const group = (minTime: number): Bottleneck.Group =>
    new Bottleneck.Group({maxConcurrent: 1, minTime})
  return getOctokit(
    token,
    {
      baseUrl: options.baseUrl ?? 'https://api.github.com',
      userAgent: `${TOOL_NAME}/${VERSION}`,
      retry: {
        retries: SERVER_ERROR_RETRIES,
        // 429 is a rate limit: the throttling plugin retries it after Retry-After; the retry
        // plugin runs first and would retry it at once with its own backoff.
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
        ...(options.retryBaseMs !== undefined ? {retryAfterBaseValue: options.retryBaseMs} : {})
      },
      throttle: {
        onRateLimit: retryHandler('primary'),
        onSecondaryRateLimit: retryHandler('secondary'),
        write: group(writeIntervalMs),
        notifications: group(writeIntervalMs * 3)
      }
    },
    retry,
    throttling
  )
}

/** The HTTP status of a failed Octokit request (a RequestError), or undefined for anything else. */
export function httpStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const status = (error as {status?: unknown}).status
  return typeof status === 'number' && 'request' in error ? status : undefined
}
