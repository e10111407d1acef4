import {ConfigError, formatBytes} from '@pipeguard/core'
import {z} from 'zod'
import type {PackageVersion} from '../match'
import {parseOsvRecord, type OsvRecord} from '../osv-schema'
import {describeUrl, osvEndpoint} from './osv-endpoint'
import {TooLarge, readBody} from './read-body'
import type {RecordCache} from './record-cache'
import type {AdvisorySource, IdLookup, SourceAnswer} from './source'

/** The API's own limit per querybatch request (google.github.io/osv.dev/post-v1-querybatch). */
export const QUERYBATCH_MAX = 1000
export const DEFAULT_CONCURRENCY = 8
/** Pages of querybatch results one package may take; past it the API is looping, not answering. */
export const MAX_PAGES_PER_QUERY = 100
/**
 * Alias records fetched by id per run to rate advisories that give no severity. Each costs one
 * request; past the bound the rest keep the configured unknown severity (and a note says so).
 */
export const MAX_ALIAS_LOOKUPS = 50
/** A larger answer is refused: no OSV record or batch comes near it. */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024

/** Without network the other scanners still run: say how to audit offline or leave the audit out. */
export const OFFLINE_HINT =
  'Offline: --advisory-db DIR (action input advisory-db), or leave the audit out: --scanners secrets,iac'

export interface OsvApiOptions {
  /** API base, e.g. https://api.osv.dev */
  baseUrl: string
  batchSize?: number
  /** Parallel GET /v1/vulns/{id} requests at most. */
  concurrency?: number
  /** Attempts after the first one for network errors, timeouts, 429 and 5xx. */
  retries?: number
  /** Per request, including reading the body. */
  timeoutMs?: number
  /** All retry waiting of one request stays below this. */
  maxRetryTimeMs?: number
  /** First backoff step; doubles per attempt, with jitter. */
  backoffMs?: number
  /** Largest response body read (default MAX_RESPONSE_BYTES). */
  maxResponseBytes?: number
  /** Most querybatch pages per package (default MAX_PAGES_PER_QUERY). */
  maxPages?: number
  /** Reuses vulnerability details across runs (the action's cache). */
  cache?: RecordCache
  fetch?: typeof fetch
  sleep?: (ms: number) => Promise<void>
  userAgent?: string
}

const BatchResponseSchema = z.object({
  results: z.array(
    z.object({
      vulns: z.array(z.object({id: z.string(), modified: z.string().optional()})).optional(),
      next_page_token: z.string().optional()
    })
  )
})

interface Query {
  package: {name: string; ecosystem: string}
  version: string
  page_token?: string
}

/** What fails a query; `detail` alone is what an alias lookup notes (its scan still happened). */
class ApiFailure extends ConfigError {
  constructor(
    shown: string,
    readonly detail: string
  ) {
    super(
      `could not reach the OSV API at ${shown}: ${detail}; no vulnerability scan was done. ${OFFLINE_HINT}`
    )
  }
}

class RetryableError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number
  ) {
    super(message)
  }
}

/** Request counts, so the benchmark and the report can say what a scan cost. */
export interface RequestStats {
  querybatch: number
  vulns: number
  cached: number
  retries: number
}

/**
 * The OSV API: querybatch in chunks (following each query's next_page_token, a bounded number of
 * pages), then the full record of every distinct id with bounded concurrency. Any request that
 * still fails after its retries, an answer over the size bound, and a record that cannot be read
 * fail the whole query with a ConfigError: a partial answer would read as "clean". Credentials in
 * the base URL go in an Authorization header and are masked in every message.
 */
export function osvApiSource(options: OsvApiOptions): AdvisorySource & {stats: RequestStats} {
  const endpoint = osvEndpoint(options.baseUrl)
  const {base, shown} = endpoint
  const maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES
  const maxPages = options.maxPages ?? MAX_PAGES_PER_QUERY
  const batchSize = Math.min(options.batchSize ?? QUERYBATCH_MAX, QUERYBATCH_MAX)
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY
  const retries = options.retries ?? 4
  const timeoutMs = options.timeoutMs ?? 30_000
  const maxRetryTimeMs = options.maxRetryTimeMs ?? 60_000
  const backoffMs = options.backoffMs ?? 500
  const doFetch = options.fetch ?? fetch
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)))
  const stats: RequestStats = {querybatch: 0, vulns: 0, cached: 0, retries: 0}

  const fail = (detail: string): ApiFailure => new ApiFailure(shown, detail)

  async function request(path: string, init: RequestInit): Promise<unknown> {
    const started = Date.now()
    for (let attempt = 0; ; attempt++) {
      try {
        return await attemptOnce(path, init)
      } catch (error) {
        if (!(error instanceof RetryableError)) throw error
        const jitter = 0.5 + Math.random() * 0.5
        const wait = error.retryAfterMs ?? Math.round(backoffMs * 2 ** attempt * jitter)
        if (attempt >= retries)
          throw fail(`${error.message} (gave up after ${attempt + 1} attempts)`)
        if (Date.now() - started + wait > maxRetryTimeMs) {
          throw fail(
            `${error.message} (the next retry in ${wait} ms would exceed the ${maxRetryTimeMs} ms retry budget)`
          )
        }
        stats.retries++
        await sleep(wait)
      }
    }
  }

  async function attemptOnce(path: string, init: RequestInit): Promise<unknown> {
    const url = `${base}${path}`
    const what = `${init.method ?? 'GET'} ${shown}${path}`
    let response: Response
    const signal = AbortSignal.timeout(timeoutMs)
    try {
      response = await doFetch(url, {
        ...init,
        signal,
        headers: {
          'content-type': 'application/json',
          'user-agent': options.userAgent ?? 'pipeguard',
          ...(endpoint.authorization ? {authorization: endpoint.authorization} : {})
        }
      })
    } catch (error) {
      throw new RetryableError(describeNetworkError(error, `${shown}${path}`, timeoutMs))
    }
    let text: string
    try {
      text = await readBody(response, maxResponseBytes)
    } catch (error) {
      if (error instanceof TooLarge)
        throw fail(`${what} answered more than ${formatBytes(maxResponseBytes)}; refused`)
      throw new RetryableError(describeNetworkError(error, `${shown}${path}`, timeoutMs))
    }
    if (response.status === 429 || response.status >= 500) {
      throw new RetryableError(
        `${what} answered HTTP ${response.status}`,
        retryAfter(response.headers.get('retry-after'))
      )
    }
    if (!response.ok)
      throw fail(`${what} answered HTTP ${response.status}: ${redactUrls(text.slice(0, 200))}`)
    try {
      return JSON.parse(text)
    } catch {
      throw fail(`${what} did not answer JSON`)
    }
  }

  async function queryBatch(
    queries: Query[]
  ): Promise<Array<Array<{id: string; modified?: string}>>> {
    const found: Array<Array<{id: string; modified?: string}>> = queries.map(() => [])
    const tokens: Array<Set<string> | undefined> = []
    let pending = queries.map((query, index) => ({query, index}))
    while (pending.length) {
      const next: typeof pending = []
      for (let i = 0; i < pending.length; i += batchSize) {
        const chunk = pending.slice(i, i + batchSize)
        stats.querybatch++
        const body = await request('/v1/querybatch', {
          method: 'POST',
          body: JSON.stringify({queries: chunk.map(c => c.query)})
        })
        const parsed = BatchResponseSchema.safeParse(body)
        if (!parsed.success || parsed.data.results.length !== chunk.length) {
          throw fail(
            `POST ${shown}/v1/querybatch answered ${parsed.success ? `${parsed.data.results.length} results for ${chunk.length} queries` : 'an unexpected shape'}`
          )
        }
        parsed.data.results.forEach((result, j) => {
          const {query, index} = chunk[j]!
          found[index]!.push(...(result.vulns ?? []))
          const token = result.next_page_token
          if (!token) return
          const seen = (tokens[index] ??= new Set())
          const name = `${query.package.ecosystem} ${query.package.name} ${query.version}`
          if (seen.has(token))
            throw fail(`POST ${shown}/v1/querybatch repeated a next_page_token for ${name}`)
          if (seen.size + 1 >= maxPages)
            throw fail(`POST ${shown}/v1/querybatch gave more than ${maxPages} pages for ${name}`)
          seen.add(token)
          next.push({query: {...query, page_token: token}, index})
        })
      }
      pending = next
    }
    return found
  }

  async function fetchRecords(
    ids: Map<string, string | undefined>
  ): Promise<Map<string, OsvRecord>> {
    const records = new Map<string, OsvRecord>()
    const queue = [...ids.entries()]
    const worker = async (): Promise<void> => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const [id, modified] = item
        const cached = options.cache?.get(id, modified)
        if (cached) {
          stats.cached++
          records.set(id, cached)
          continue
        }
        stats.vulns++
        const path = `/v1/vulns/${encodeURIComponent(id)}`
        const body = await request(path, {method: 'GET'})
        // querybatch named this id as affecting a package: a record we cannot read is a scan we did not do.
        const parsed = parseOsvRecord(body, `${shown}${path}`)
        if (!parsed.ok) throw fail(`GET ${shown}${path}: ${parsed.error.message}`)
        if (parsed.record.id !== id)
          throw fail(`GET ${shown}${path} answered the record ${parsed.record.id} instead`)
        records.set(id, parsed.record)
        options.cache?.set(parsed.record)
      }
    }
    await Promise.all(
      Array.from({length: Math.max(1, Math.min(concurrency, queue.length))}, worker)
    )
    return records
  }

  // Per run: the head and base audits of a pull request ask about the same aliases.
  const byId = new Map<string, Promise<OsvRecord | string>>()
  const fetchById = (id: string): Promise<OsvRecord | string> => {
    let pending = byId.get(id)
    if (!pending) {
      const path = `/v1/vulns/${encodeURIComponent(id)}`
      stats.vulns++
      pending = request(path, {method: 'GET'}).then(
        body => {
          const parsed = parseOsvRecord(body, `${shown}${path}`)
          if (!parsed.ok) return parsed.error.message
          return parsed.record.id === id ? parsed.record : `answered ${parsed.record.id} instead`
        },
        (error: Error) => (error instanceof ApiFailure ? error.detail : error.message)
      )
      byId.set(id, pending)
    }
    return pending
  }

  return {
    name: `OSV API ${shown}`,
    stats,
    async lookupIds(ids: string[]): Promise<IdLookup> {
      const asked = ids.slice(0, MAX_ALIAS_LOOKUPS)
      const answers: Array<OsvRecord | string> = []
      let next = 0
      const worker = async (): Promise<void> => {
        for (let i = next++; i < asked.length; i = next++) answers[i] = await fetchById(asked[i]!)
      }
      await Promise.all(
        Array.from({length: Math.max(1, Math.min(concurrency, asked.length))}, worker)
      )
      const records = answers.filter((a): a is OsvRecord => typeof a !== 'string')
      const failed = asked.flatMap((id, i) =>
        typeof answers[i] === 'string' ? [`${id}: ${answers[i]}`] : []
      )
      const notes = [
        `severity lookup of ${asked.length} alias(es) of unrated advisories by id: ${records.length} found` +
          (failed.length
            ? `; not found or failed (their advisories keep the unknown severity): ${failed.join('; ')}`
            : '')
      ]
      if (ids.length > asked.length)
        notes.push(
          `${ids.length - asked.length} more alias(es) not looked up (at most ${MAX_ALIAS_LOOKUPS} per run); their advisories keep the unknown severity`
        )
      return {records, notes}
    },
    async query(packages: PackageVersion[]): Promise<SourceAnswer> {
      const keys = packages.map(p => `${p.ecosystem}\0${p.name}\0${p.version}`)
      const distinct = [...new Set(keys)]
      const queries: Query[] = distinct.map(key => {
        const [ecosystem, name, version] = key.split('\0') as [string, string, string]
        return {package: {name, ecosystem}, version}
      })
      const hits = await queryBatch(queries)
      const ids = new Map<string, string | undefined>()
      for (const list of hits) for (const hit of list) ids.set(hit.id, hit.modified)
      const records = await fetchRecords(ids)
      const byKey = new Map(
        distinct.map((key, i) => [
          key,
          hits[i]!.map(h => records.get(h.id)).filter((r): r is OsvRecord => !!r)
        ])
      )
      return {
        records: keys.map(key => byKey.get(key) ?? []),
        errors: [],
        notes: [
          `OSV API ${shown}: ${queries.length} distinct package versions, ${stats.querybatch} querybatch and ${stats.vulns} vulnerability requests` +
            (stats.cached ? `, ${stats.cached} records from the cache` : '') +
            (stats.retries ? `, ${stats.retries} retries` : '')
        ]
      }
    }
  }
}

/** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3). */
export function retryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function describeNetworkError(error: unknown, url: string, timeoutMs: number): string {
  const e = error as {name?: string; message?: string; cause?: {code?: string; message?: string}}
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return `${url} did not answer within ${timeoutMs} ms`
  const cause = e?.cause?.code ?? e?.cause?.message
  return redactUrls(`${url}: ${e?.message ?? String(error)}${cause ? ` (${cause})` : ''}`)
}

/** Any URL inside a server's or library's text, credentials masked. */
function redactUrls(text: string): string {
  return text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, describeUrl)
}
