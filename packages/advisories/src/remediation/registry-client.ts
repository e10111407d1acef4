import {formatBytes} from '@pipeguard/core'
import {describeUrl} from '../sources/osv-endpoint'
import {TooLarge, readBody} from '../sources/read-body'
import {registryFor, tokenFor, type NpmRegistryConfig} from './npm-registry-config'
import {PackumentSchema, type Packument} from './packument'

/** Packuments fetched per run at most: a remediation plan needs dozens, not thousands. */
export const MAX_PACKUMENT_FETCHES = 500
/** The largest packument read; the abbreviated form of the biggest public packages is far below. */
export const MAX_PACKUMENT_BYTES = 32 * 1024 * 1024
export const PACKUMENT_TIMEOUT_MS = 30_000

export interface RegistryClientOptions {
  maxFetches?: number
  maxBytes?: number
  timeoutMs?: number
  fetch?: typeof fetch
  userAgent?: string
}

export type PackumentResult = {ok: true; packument: Packument} | {ok: false; message: string}

export interface RegistryClient {
  packument(name: string): Promise<PackumentResult>
  /** Requests made so far (cache hits excluded). */
  readonly requests: number
}

/**
 * Reads packuments (GET {registry}/{name}, abbreviated form) and nothing else: no tarball, no
 * install script, no resolution through npm itself. One request per name per run; failures are
 * values naming the URL, so the caller can report the packages it could not plan.
 */
export function createRegistryClient(
  config: NpmRegistryConfig,
  options: RegistryClientOptions = {}
): RegistryClient {
  const maxFetches = options.maxFetches ?? MAX_PACKUMENT_FETCHES
  const maxBytes = options.maxBytes ?? MAX_PACKUMENT_BYTES
  const timeoutMs = options.timeoutMs ?? PACKUMENT_TIMEOUT_MS
  const doFetch = options.fetch ?? fetch
  const cache = new Map<string, Promise<PackumentResult>>()
  let requests = 0

  async function load(name: string): Promise<PackumentResult> {
    // A scoped name keeps its @ and encodes its slash, as the registry API expects.
    const url = `${registryFor(config, name)}${name.replace('/', '%2f')}`
    const shown = describeUrl(url)
    if (requests >= maxFetches)
      return {
        ok: false,
        message: `${shown}: not fetched, over the limit of ${maxFetches} packuments per run`
      }
    requests++
    const token = tokenFor(config, url)
    let response: Response
    try {
      response = await doFetch(url, {
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8',
          'user-agent': options.userAgent ?? 'pipeguard',
          ...(token ? {authorization: `Bearer ${token}`} : {})
        }
      })
    } catch (error) {
      const why =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${timeoutMs} ms`
          : (error as Error).message
      return {ok: false, message: `${shown}: ${why}`}
    }
    let text: string
    try {
      text = await readBody(response, maxBytes)
    } catch (error) {
      if (error instanceof TooLarge)
        return {
          ok: false,
          message: `${shown}: answered more than ${formatBytes(maxBytes)}; refused`
        }
      return {ok: false, message: `${shown}: ${(error as Error).message}`}
    }
    if (response.status === 404)
      return {ok: false, message: `${shown}: not in the registry (HTTP 404)`}
    if (!response.ok) return {ok: false, message: `${shown}: answered HTTP ${response.status}`}
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return {ok: false, message: `${shown}: did not answer JSON`}
    }
    const parsed = PackumentSchema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      return {
        ok: false,
        message: `${shown}: not a packument: ${issue.path.join('.') || '(top level)'}: ${issue.message}`
      }
    }
    if (parsed.data.name !== name)
      return {ok: false, message: `${shown}: answered the packument of "${parsed.data.name}"`}
    return {ok: true, packument: parsed.data}
  }

  return {
    packument(name) {
      let pending = cache.get(name)
      if (!pending) cache.set(name, (pending = load(name)))
      return pending
    },
    get requests() {
      return requests
    }
  }
}
