import {cpSync, existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import type {ActionsCore} from '@pipeguard/core/github'
import {
  startFakeOsvServer,
  type FakeOsvServer
} from '../../../packages/advisories/__tests__/fake-osv-server'
import {
  LOCKFILES_DIR,
  OSV_DIR,
  allOsvTexts
} from '../../../packages/advisories/__tests__/osv-fixtures'
import {OSV_CACHE_PREFIX, run, type OsvCacheStore} from '../src/main'

function fakeCore(inputs: Record<string, string>) {
  const outputs: Record<string, string> = {}
  const logs: string[] = []
  const secrets: string[] = []
  let failed: string | undefined
  const summary = {addRaw: () => summary, write: async () => summary}
  const core = {
    getInput: (name: string) => inputs[name] ?? '',
    setOutput: (name: string, value: unknown) => void (outputs[name] = String(value)),
    setFailed: (message: string | Error) => void (failed = String(message)),
    setSecret: (secret: string) => void secrets.push(secret),
    info: (m: string) => void logs.push(m),
    warning: (m: string | Error) => void logs.push(`warning: ${String(m)}`),
    error: () => {},
    notice: () => {},
    summary
  } as unknown as ActionsCore
  return {core, outputs, logs, secrets, failed: () => failed}
}

function fakeCache(available = true) {
  const calls: string[] = []
  const store: OsvCacheStore = {
    isFeatureAvailable: () => available,
    restoreCache: async (_paths, key, restoreKeys) => {
      calls.push(`restore ${key} ${restoreKeys?.join(',')}`)
      return undefined
    },
    saveCache: async (paths, key) => {
      calls.push(`save ${key} ${readdirSync(paths[0]!).length} files`)
      return 1
    }
  }
  return {store, calls}
}

describe('dependency-audit action glue', () => {
  let temp: string
  let osv: FakeOsvServer
  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'pg-deps-action-'))
    cpSync(join(LOCKFILES_DIR, 'npm', 'actions-toolkit-v1'), join(temp, 'repo'), {recursive: true})
    osv = await startFakeOsvServer([...allOsvTexts().values()].map(t => JSON.parse(t)))
  })
  afterAll(async () => {
    await osv.close()
    rmSync(temp, {recursive: true, force: true})
  })

  it('passes osv-url through, caches OSV records by date and reuses them on the next run', async () => {
    const runnerTemp = join(temp, 'runner')
    const env = {GITHUB_WORKSPACE: join(temp, 'repo'), RUNNER_TEMP: runnerTemp}
    const first = fakeCore({'osv-url': osv.url, 'fail-on': 'none'})
    const cache = fakeCache()
    await run({core: first.core, env, cache: cache.store, today: '2026-11-27'})
    expect(first.failed()).toBeUndefined()
    expect(Number(first.outputs.findings)).toBeGreaterThan(10)
    const records = readdirSync(join(runnerTemp, 'pipeguard-osv-cache')).length
    expect(cache.calls).toEqual([
      `restore ${OSV_CACHE_PREFIX}2026-11-27 ${OSV_CACHE_PREFIX}`,
      `save ${OSV_CACHE_PREFIX}2026-11-27 ${records} files`
    ])

    const vulnRequests = (): number =>
      osv.requests.filter(r => r.path.startsWith('/v1/vulns/')).length
    const before = vulnRequests()
    const second = fakeCore({'osv-url': osv.url, 'fail-on': 'none'})
    await run({core: second.core, env, cache: fakeCache().store, today: '2026-11-27'})
    expect(second.outputs.findings).toBe(first.outputs.findings)
    expect(vulnRequests()).toBe(before) // every record came from the restored directory
  })

  it('uses no cache with an offline advisory-db, or when the cache service is unavailable', async () => {
    const env = {GITHUB_WORKSPACE: join(temp, 'repo'), RUNNER_TEMP: join(temp, 'runner-offline')}
    const offline = fakeCache()
    const h = fakeCore({'advisory-db': OSV_DIR, 'fail-on': 'high'})
    await run({core: h.core, env, cache: offline.store})
    expect(offline.calls).toEqual([])
    expect(h.failed()).toMatch(/blocking finding/)
    expect(existsSync(join(temp, 'runner-offline', 'pipeguard-osv-cache'))).toBe(false)

    const unavailable = fakeCache(false)
    const u = fakeCore({'osv-url': osv.url, 'fail-on': 'none'})
    await run({core: u.core, env, cache: unavailable.store})
    expect(unavailable.calls).toEqual([])
    expect(u.failed()).toBeUndefined()
  })

  it('masks the credentials of osv-url in the logs before anything runs', async () => {
    const env = {GITHUB_WORKSPACE: join(temp, 'repo'), RUNNER_TEMP: join(temp, 'runner-creds')}
    const h = fakeCore({'osv-url': osv.url.replace('://', '://ci:s3cr%2Ft@'), 'fail-on': 'none'})
    await run({core: h.core, env, cache: fakeCache(false).store})
    expect(h.failed()).toBeUndefined()
    expect(h.secrets).toEqual(expect.arrayContaining(['s3cr%2Ft', 's3cr/t']))
    expect(osv.requests.at(-1)!.authorization).toBe(
      `Basic ${Buffer.from('ci:s3cr/t').toString('base64')}`
    )
    expect(h.logs.join('\n')).not.toContain('s3cr')
  })

  it('a failing cache restore only warns', async () => {
    const env = {GITHUB_WORKSPACE: join(temp, 'repo'), RUNNER_TEMP: join(temp, 'runner-broken')}
    const broken: OsvCacheStore = {
      isFeatureAvailable: () => true,
      restoreCache: async () => {
        throw new Error('cache service unavailable')
      },
      saveCache: async () => {
        throw new Error('cache service unavailable')
      }
    }
    const h = fakeCore({'osv-url': osv.url, 'fail-on': 'none'})
    await run({core: h.core, env, cache: broken})
    expect(h.failed()).toBeUndefined()
    expect(h.logs).toContain(
      'warning: pipeguard: could not restore the OSV record cache (cache service unavailable); querying the API for everything'
    )
  })
})
