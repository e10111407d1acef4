import {tmpdir} from 'node:os'
import {join} from 'node:path'
import * as actionsCache from '@actions/cache'
import * as actionsCore from '@actions/core'
import {OSV_CACHE_DIR_ENV, dependencyScanner, urlCredentials} from '@pipeguard/advisories'
import {errorMessage, runAction, type ActionsCore, type ClientFactory} from '@pipeguard/core/github'

/** The part of @actions/cache the action uses (injectable for tests). */
export interface OsvCacheStore {
  isFeatureAvailable(): boolean
  restoreCache(
    paths: string[],
    primaryKey: string,
    restoreKeys?: string[]
  ): Promise<string | undefined>
  saveCache(paths: string[], key: string): Promise<number>
}

export interface MainDeps {
  core?: ActionsCore
  env?: NodeJS.ProcessEnv
  createClient?: ClientFactory
  cache?: OsvCacheStore
  /** Today as YYYY-MM-DD: the cache key changes daily so advisories are re-read at least once a day. */
  today?: string
}

export const OSV_CACHE_PREFIX = 'pipeguard-osv-'

/**
 * The dependency-audit action: the deps scanner with the shared GitHub reporting. Deps-specific:
 * OSV records are cached between runs (@actions/cache, keyed by date; a record is reused only
 * while its `modified` time matches what the API lists), and on a pull request the scanner itself
 * compares with the base commit (`pull_request.base.sha`), so only vulnerabilities the PR
 * introduces block, and the comment lists the vulnerabilities the PR introduces (blocking first),
 * fixes (`ScanOutput.resolved`, also from deleted lockfiles) and keeps in three sections (core's
 * `runCommentSections`). The diff filter trusts that verdict: a finding the scanner marks as
 * introduced is in scope even though a version bump changes a line below the one it points at.
 */
export async function run({
  core = actionsCore,
  env = process.env,
  createClient,
  cache = actionsCache,
  today
}: MainDeps = {}): Promise<void> {
  // The runner masks what setSecret names: an osv-url may carry a proxy's credentials.
  for (const secret of urlCredentials(core.getInput('osv-url'))) core.setSecret(secret)
  const offline = core.getInput('advisory-db').trim() !== ''
  const cacheDir = join(env.RUNNER_TEMP ?? tmpdir(), 'pipeguard-osv-cache')
  const key = `${OSV_CACHE_PREFIX}${today ?? new Date().toISOString().slice(0, 10)}`
  const useCache = !offline && cacheAvailable(cache)
  let hit: string | undefined
  if (useCache) {
    try {
      hit = await cache.restoreCache([cacheDir], key, [OSV_CACHE_PREFIX])
      core.info(
        hit
          ? `pipeguard: OSV records restored from cache ${hit}`
          : 'pipeguard: no OSV record cache yet'
      )
    } catch (error) {
      core.warning(
        `pipeguard: could not restore the OSV record cache (${errorMessage(error)}); querying the API for everything`
      )
    }
  }

  await runAction({
    core,
    env: useCache ? {...env, [OSV_CACHE_DIR_ENV]: cacheDir} : env,
    createClient,
    actionId: 'dependency-audit',
    title: 'pipeguard · Dependency audit',
    scanners: [dependencyScanner]
  })

  // Saved once a day: a cache entry cannot be overwritten under the same key.
  if (useCache && hit !== key) {
    try {
      await cache.saveCache([cacheDir], key)
    } catch (error) {
      // Another job of the same day saved it first, or the cache service is unavailable: harmless.
      core.info(`pipeguard: OSV record cache not saved (${errorMessage(error)})`)
    }
  }
}

function cacheAvailable(cache: OsvCacheStore): boolean {
  try {
    return cache.isFeatureAvailable()
  } catch {
    return false
  }
}
