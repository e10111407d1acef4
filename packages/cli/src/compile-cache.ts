import {lstatSync, readdirSync, rmSync} from 'node:fs'
import module from 'node:module'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {privateDirectory} from './private-directory'

/** The compile cache folder keeps this many files at most (Node's are about 0.5 MB each). */
export const COMPILE_CACHE_MAX_FILES = 32

/** `module.enableCompileCache` (Node >= 22.8), which @types/node 20 does not declare. */
export type EnableCompileCache = (directory: string) => {directory?: string}

export interface CompileCacheContext {
  env: NodeJS.ProcessEnv
  /** undefined where Node has no uids (Windows): no owner to check, so no cache. */
  uid: number | undefined
  tmpdir: string
  /** undefined on Node versions without it (Node 20): no cache. */
  enable: EnableCompileCache | undefined
}

export function processCompileCacheContext(): CompileCacheContext {
  return {
    env: process.env,
    uid: process.getuid?.(),
    tmpdir: tmpdir(),
    enable: (module as {enableCompileCache?: EnableCompileCache}).enableCompileCache
  }
}

/**
 * Turns on Node's own compile cache for the modules loaded from here on (the rest of the CLI), in
 * a folder only this user can write: `PIPEGUARD_CACHE_DIR`, or `pipeguard-<uid>` in the temp
 * folder. Node's default folder is shared by every user of the machine, and neither Node's CRC32
 * nor V8's length check tells a planted cache from a genuine one, so the folder's owner is the
 * only protection. No cache when `PIPEGUARD_NO_COMPILE_CACHE` is set, in CI (an earlier job on a
 * reused runner is the same user), on Node without the API, or when the folder is not private.
 * Returns the folder the cache lives in, or undefined when this run has none.
 */
export function enableCompileCache(
  context: CompileCacheContext = processCompileCacheContext()
): string | undefined {
  const {env, uid, enable} = context
  if (enable === undefined || uid === undefined) return undefined
  if (env.PIPEGUARD_NO_COMPILE_CACHE || isCi(env)) return undefined
  const dir = privateDirectory(
    env.PIPEGUARD_CACHE_DIR || join(context.tmpdir, `pipeguard-${uid}`),
    uid
  )
  if (dir === undefined) return undefined
  pruneCompileCache(dir)
  return enable(dir).directory
}

function isCi(env: NodeJS.ProcessEnv): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0'
}

/**
 * Keeps the folder bounded: Node writes one file per module path (each copy of dist/ adds two) in a
 * subfolder per Node version and never deletes any. The newest files stay; a deleted one that is
 * still in use costs one run without cache. Only called on a folder `privateDirectory` accepted.
 */
export function pruneCompileCache(dir: string): void {
  try {
    const files = readdirSync(dir, {recursive: true, withFileTypes: true})
      .filter(entry => entry.isFile())
      .map(entry => join(entry.parentPath, entry.name))
    if (files.length <= COMPILE_CACHE_MAX_FILES) return
    const newestFirst = files
      .map(path => ({path, mtime: lstatSync(path).mtimeMs}))
      .sort((a, b) => b.mtime - a.mtime)
    for (const {path} of newestFirst.slice(COMPILE_CACHE_MAX_FILES)) rmSync(path, {force: true})
  } catch {
    // Upkeep only: a cache folder that cannot be tidied still works.
  }
}
