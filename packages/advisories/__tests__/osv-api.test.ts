import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from '@jest/globals'
import {ConfigError} from '@pipeguard/core'
import {osvApiSource, retryAfter, type OsvApiOptions} from '../src/sources/osv-api'
import {directoryCache} from '../src/sources/record-cache'
import {startFakeOsvServer, refusedUrl, type FakeOsvServer} from './fake-osv-server'
import {randomToken} from '../../../test/helpers/workspace'
import {allOsvTexts} from './osv-fixtures'

const records = [...allOsvTexts().values()].map(text => JSON.parse(text))
let server: FakeOsvServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const noWait = (waits: number[] = []): Pick<OsvApiOptions, 'sleep'> => ({
  sleep: async ms => void waits.push(ms)
})
const django = (version: string) => ({ecosystem: 'PyPI', name: 'django', version})
const lodash = {ecosystem: 'npm', name: 'lodash', version: '4.17.15'}

async function expectConfigError(promise: Promise<unknown>, pattern: RegExp): Promise<ConfigError> {
  const error = await promise.then(
    () => undefined,
    e => e
  )
  expect(error).toBeInstanceOf(ConfigError)
  expect((error as Error).message).toMatch(pattern)
  return error as ConfigError
}

describe('OSV API source', () => {
  it('queries in chunks of at most 1000 and maps records back to each package', async () => {
    server = await startFakeOsvServer(records)
    const packages = Array.from({length: 2300}, (_, i) => ({
      ecosystem: 'npm',
      name: `pkg-${i}`,
      version: '1.0.0'
    }))
    packages[5] = lodash
    packages[2250] = {...lodash, version: '4.17.20'}
    const source = osvApiSource({baseUrl: server.url, ...noWait()})
    const answer = await source.query(packages)
    const batches = server.requests.filter(r => r.path === '/v1/querybatch')
    expect(batches.map(b => b.body!.queries.length)).toEqual([1000, 1000, 300])
    expect(answer.records[5]!.map(r => r.id)).toEqual(['GHSA-35jh-r3h4-6jhm'])
    expect(answer.records[2250]!.map(r => r.id)).toEqual(['GHSA-35jh-r3h4-6jhm'])
    expect(answer.records[6]).toEqual([])
    // one GET for the shared id
    expect(server.requests.filter(r => r.path.startsWith('/v1/vulns/')).map(r => r.path)).toEqual([
      '/v1/vulns/GHSA-35jh-r3h4-6jhm'
    ])
    expect(answer.notes[0]).toContain('3 querybatch and 1 vulnerability requests')
  })

  it('follows next_page_token per query until every page is read', async () => {
    server = await startFakeOsvServer(records, {pageSize: 4})
    const answer = await osvApiSource({baseUrl: server.url, ...noWait()}).query([
      django('3.2.0'),
      lodash
    ])
    const djangoIds = records
      .filter(r => r.affected.some((a: {package: {name: string}}) => a.package.name === 'django'))
      .map(r => r.id)
    expect(djangoIds.length).toBeGreaterThan(8)
    expect(answer.records[0]!.map(r => r.id).sort()).toEqual(djangoIds.sort())
    const batches = server.requests.filter(r => r.path === '/v1/querybatch')
    expect(batches.length).toBe(Math.ceil(djangoIds.length / 4))
    // later pages only re-ask the query that has more, with its token
    expect(batches[1]!.body!.queries).toEqual([
      {
        package: {name: 'django', ecosystem: 'PyPI'},
        version: '3.2.0',
        page_token: expect.any(String)
      }
    ])
  })

  it('fetches details concurrently but never more than the bound', async () => {
    server = await startFakeOsvServer(records, {vulnDelayMs: 20})
    await osvApiSource({baseUrl: server.url, concurrency: 3, ...noWait()}).query([django('3.2.0')])
    expect(server.maxInFlight).toBe(3)
    const ids = server.requests.filter(r => r.path.startsWith('/v1/vulns/')).map(r => r.path)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('retries 500 and 429 (respecting Retry-After) and then succeeds', async () => {
    server = await startFakeOsvServer(records)
    server.faults.push(
      {kind: 'status', status: 500, times: 1},
      {kind: 'status', status: 429, retryAfter: '2', times: 1}
    )
    const waits: number[] = []
    const source = osvApiSource({baseUrl: server.url, backoffMs: 100, ...noWait(waits)})
    const answer = await source.query([lodash])
    expect(answer.records[0]!.map(r => r.id)).toEqual(['GHSA-35jh-r3h4-6jhm'])
    expect(waits).toHaveLength(2)
    expect(waits[0]).toBeGreaterThanOrEqual(50) // backoff with jitter: 100 ms * [0.5, 1)
    expect(waits[0]).toBeLessThan(100)
    expect(waits[1]).toBe(2000) // Retry-After: 2
    expect(source.stats.retries).toBe(2)
  })

  it('gives up after the retry bound with an exact message, never a partial answer', async () => {
    server = await startFakeOsvServer(records)
    server.faults.push({kind: 'status', status: 503, times: Infinity})
    const error = await expectConfigError(
      osvApiSource({baseUrl: server.url, retries: 3, ...noWait()}).query([lodash]),
      /^could not reach the OSV API at http:\/\/127\.0\.0\.1:\d+: POST .*\/v1\/querybatch answered HTTP 503 \(gave up after 4 attempts\); no vulnerability scan was done\. Offline: --advisory-db DIR \(action input advisory-db\), or leave the audit out: --scanners secrets,iac$/
    )
    expect(error.name).toBe('ConfigError')
    expect(server.requests).toHaveLength(4)
  })

  it('stops when Retry-After would exceed the retry time budget', async () => {
    server = await startFakeOsvServer(records)
    server.faults.push({kind: 'status', status: 429, retryAfter: '120', times: Infinity})
    await expectConfigError(
      osvApiSource({baseUrl: server.url, maxRetryTimeMs: 5000, ...noWait()}).query([lodash]),
      /would exceed the 5000 ms retry budget/
    )
    expect(server.requests).toHaveLength(1)
  })

  it('times out a slow server, retries, then fails', async () => {
    server = await startFakeOsvServer(records)
    server.faults.push({kind: 'slow', delayMs: 2000, times: Infinity})
    const started = Date.now()
    await expectConfigError(
      osvApiSource({baseUrl: server.url, timeoutMs: 100, retries: 2, ...noWait()}).query([lodash]),
      /did not answer within 100 ms \(gave up after 3 attempts\)/
    )
    expect(Date.now() - started).toBeLessThan(1500)
  })

  it('retries a reset connection once and recovers', async () => {
    server = await startFakeOsvServer(records)
    server.faults.push({kind: 'reset', times: 1})
    const answer = await osvApiSource({baseUrl: server.url, ...noWait()}).query([lodash])
    expect(answer.records[0]).toHaveLength(1)
    expect(server.requests).toHaveLength(3) // reset, querybatch, vulns
  })

  it('fails clearly when nothing listens', async () => {
    const url = await refusedUrl()
    await expectConfigError(
      osvApiSource({baseUrl: url, retries: 1, ...noWait()}).query([lodash]),
      /could not reach the OSV API at .*ECONNREFUSED.*no vulnerability scan was done/
    )
  })

  it('a half-answered batch (second chunk fails) throws instead of returning the first half', async () => {
    server = await startFakeOsvServer(records)
    let batches = 0
    server.faults.push({
      kind: 'status',
      status: 500,
      times: Infinity,
      match: r => r.path === '/v1/querybatch' && ++batches >= 2
    })
    const packages = [
      lodash,
      ...Array.from({length: 1500}, (_, i) => ({ecosystem: 'npm', name: `p${i}`, version: '1.0.0'}))
    ]
    await expectConfigError(
      osvApiSource({baseUrl: server.url, retries: 2, ...noWait()}).query(packages),
      /HTTP 500/
    )
  })

  it('a failing detail request fails the whole query', async () => {
    server = await startFakeOsvServer(records)
    server.faults.push({
      kind: 'status',
      status: 502,
      times: Infinity,
      match: r => r.path.startsWith('/v1/vulns/')
    })
    await expectConfigError(
      osvApiSource({baseUrl: server.url, retries: 1, ...noWait()}).query([django('3.2.0')]),
      /\/v1\/vulns\/.* answered HTTP 502/
    )
  })

  it('a 4xx other than 429 is not retried', async () => {
    server = await startFakeOsvServer(records)
    server.faults.push({kind: 'status', status: 400, times: Infinity})
    await expectConfigError(
      osvApiSource({baseUrl: server.url, ...noWait()}).query([lodash]),
      /answered HTTP 400/
    )
    expect(server.requests).toHaveLength(1)
  })

  it('reuses cached records whose modified time matches', async () => {
    server = await startFakeOsvServer(records)
    const dir = mkdtempSync(join(tmpdir(), 'pg-osv-cache-'))
    try {
      await osvApiSource({baseUrl: server.url, cache: directoryCache(dir), ...noWait()}).query([
        lodash
      ])
      const second = osvApiSource({baseUrl: server.url, cache: directoryCache(dir), ...noWait()})
      const answer = await second.query([lodash])
      expect(answer.records[0]!.map(r => r.id)).toEqual(['GHSA-35jh-r3h4-6jhm'])
      expect(second.stats).toMatchObject({vulns: 0, cached: 1})
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  describe('fails closed on a record it cannot read', () => {
    const onVulns = (body: string) => ({
      kind: 'body' as const,
      body,
      times: Infinity,
      match: (r: {path: string}) => r.path.startsWith('/v1/vulns/')
    })

    it.each([
      ['an empty body', '', /GET .*\/v1\/vulns\/GHSA-35jh-r3h4-6jhm did not answer JSON/],
      [
        'a record without an id',
        '{"modified": "2024-01-01T00:00:00Z"}',
        /GET .*\/v1\/vulns\/GHSA-35jh-r3h4-6jhm: not a valid OSV record: id: /
      ],
      [
        'unusable ranges',
        '{"id": "GHSA-35jh-r3h4-6jhm", "affected": [{"ranges": [{"type": "SEMVER", "events": []}]}]}',
        /GHSA-35jh-r3h4-6jhm: not a valid OSV record \(GHSA-35jh-r3h4-6jhm\): affected\.0\.ranges\.0\.events/
      ],
      [
        'another record',
        allOsvTexts().get('GHSA-xvch-5gv4-984h')!,
        /\/v1\/vulns\/GHSA-35jh-r3h4-6jhm answered the record GHSA-xvch-5gv4-984h instead/
      ]
    ])('%s: the whole query fails naming the id', async (_name, body, pattern) => {
      server = await startFakeOsvServer(records)
      server.faults.push(onVulns(body))
      await expectConfigError(
        osvApiSource({baseUrl: server.url, ...noWait()}).query([lodash]),
        pattern
      )
    })

    it('keeps a record whose cosmetic fields have the wrong shape', async () => {
      server = await startFakeOsvServer(records)
      const record = JSON.parse(allOsvTexts().get('GHSA-35jh-r3h4-6jhm')!)
      server.faults.push(
        onVulns(
          JSON.stringify({
            ...record,
            summary: 42,
            details: ['x'],
            modified: null,
            database_specific: 'n/a',
            references: [{url: 7}],
            severity: [{type: 'CVSS_V3'}, ...record.severity]
          })
        )
      )
      const answer = await osvApiSource({baseUrl: server.url, ...noWait()}).query([lodash])
      expect(answer.records[0]!.map(r => [r.id, r.summary, r.severity?.length])).toEqual([
        ['GHSA-35jh-r3h4-6jhm', undefined, record.severity.length]
      ])
    })
  })

  describe('bounds what the API may send', () => {
    it('stops a next_page_token loop', async () => {
      server = await startFakeOsvServer(records)
      server.faults.push({
        kind: 'body',
        body: JSON.stringify({
          results: [{vulns: [{id: 'GHSA-35jh-r3h4-6jhm'}], next_page_token: 'again'}]
        }),
        times: Infinity,
        match: r => r.path === '/v1/querybatch'
      })
      await expectConfigError(
        osvApiSource({baseUrl: server.url, ...noWait()}).query([lodash]),
        /querybatch repeated a next_page_token for npm lodash 4\.17\.15/
      )
      expect(server.requests).toHaveLength(2)
    })

    it('stops after the page bound', async () => {
      server = await startFakeOsvServer(records, {pageSize: 1})
      await expectConfigError(
        osvApiSource({baseUrl: server.url, maxPages: 3, ...noWait()}).query([django('3.2.0')]),
        /querybatch gave more than 3 pages for PyPI django 3\.2\.0/
      )
      expect(server.requests).toHaveLength(3)
    })

    it.each([
      ['with a Content-Length', false],
      ['streamed without one', true]
    ])('refuses an answer over the size bound (%s)', async (_name, chunked) => {
      server = await startFakeOsvServer(records)
      server.faults.push({
        kind: 'body',
        body: JSON.stringify({results: [{vulns: [{id: 'x'.repeat(20_000)}]}]}),
        chunked,
        times: Infinity
      })
      await expectConfigError(
        osvApiSource({baseUrl: server.url, maxResponseBytes: 10_000, ...noWait()}).query([lodash]),
        /POST http:\/\/127\.0\.0\.1:\d+\/v1\/querybatch answered more than 9\.8 KiB; refused/
      )
      expect(server.requests).toHaveLength(1)
    })
  })

  it('sends credentials of the URL as a header and never shows them', async () => {
    server = await startFakeOsvServer(records)
    const token = randomToken('', 32)
    const baseUrl = server.url.replace('://', `://ci-user:${token}@`)
    const source = osvApiSource({baseUrl, ...noWait()})
    const answer = await source.query([lodash])
    expect(answer.records[0]!.map(r => r.id)).toEqual(['GHSA-35jh-r3h4-6jhm'])
    const basic = `Basic ${Buffer.from(`ci-user:${token}`).toString('base64')}`
    expect(server.requests.map(r => r.authorization)).toEqual([basic, basic])
    expect(source.name).toBe(`OSV API ${server.url.replace('://', '://****@')}`)
    expect(answer.notes.join('\n')).not.toContain(token)
    server.faults.push({kind: 'status', status: 503, times: Infinity})
    const error = await expectConfigError(
      osvApiSource({baseUrl, retries: 0, ...noWait()}).query([lodash]),
      /^could not reach the OSV API at http:\/\/\*\*\*\*@127\.0\.0\.1:\d+: POST http:\/\/\*\*\*\*@127/
    )
    expect(error.message).not.toContain(token)
  })

  it('parses Retry-After seconds and HTTP dates', () => {
    expect(retryAfter('3')).toBe(3000)
    expect(
      retryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))
    ).toBe(10000)
    expect(retryAfter('soon')).toBeUndefined()
    expect(retryAfter(null)).toBeUndefined()
  })
})
