import {createHash} from 'node:crypto'
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import vm from 'node:vm'

export interface LoadedCommonJs<T> {
  exports: T
  /** Writes V8's compiled code for next time; call when the work is done, so it covers what ran. */
  saveCache(): void
}

export interface CompileCacheOptions {
  /** Shown in stack traces. */
  filename: string
  require: NodeJS.Require
  env: NodeJS.ProcessEnv
  /**
   * One cache per kind of run (the CLI passes its command): V8 caches the functions a run
   * compiled, and `sbom` runs other code than `--help`.
   */
  variant?: string
  /** The code's hash when the build already knows it: hashing 2.7 MB on every start costs time. */
  codeHash?: string
}

/**
 * Runs a CommonJS bundle held in a string, reusing V8's code cache between runs (the technique of
 * v8-compile-cache; Node 22's module.enableCompileCache does the same, Node 20 has no such API).
 * Parsing the 2.7 MB CLI bundle was most of its start-up time; with the cache V8 skips it. The cache
 * lives in the OS temp folder (PIPEGUARD_CACHE_DIR to move it, PIPEGUARD_NO_COMPILE_CACHE=1 to turn
 * it off); a stale, foreign or corrupt cache is rejected by V8 and rewritten.
 */
export function loadCommonJs<T>(code: string, options: CompileCacheOptions): LoadedCommonJs<T> {
  const enabled = !options.env.PIPEGUARD_NO_COMPILE_CACHE
  const dir = options.env.PIPEGUARD_CACHE_DIR ?? join(tmpdir(), 'pipeguard-compile-cache')
  const codeHash = options.codeHash ?? createHash('sha256').update(code).digest('hex')
  const key = createHash('sha256')
    .update(process.version)
    .update(codeHash)
    .digest('hex')
    .slice(0, 32)
  const variant = (options.variant ?? '')
    .toLowerCase()
    .replace(/[^a-z-]/g, '')
    .replace(/^-+/, '')
    .slice(0, 20)
  const file = join(dir, `${key}${variant ? `-${variant}` : ''}.v8`)
  let cachedData: Buffer | undefined
  if (enabled) {
    try {
      cachedData = readFileSync(file)
    } catch {
      cachedData = undefined
    }
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${code}\n})`
  const script = new vm.Script(wrapped, {filename: options.filename, cachedData})
  const module = {exports: {} as T}
  const fn = script.runInThisContext() as (...args: unknown[]) => void
  fn(module.exports, options.require, module, options.filename, dirname(options.filename))
  const needsWrite = enabled && (cachedData === undefined || script.cachedDataRejected === true)
  return {
    exports: module.exports,
    saveCache() {
      if (!needsWrite) return
      try {
        mkdirSync(dir, {recursive: true})
        // Write then rename: a concurrent run never reads half a cache file.
        const temp = `${file}.${process.pid}.tmp`
        writeFileSync(temp, script.createCachedData())
        renameSync(temp, file)
      } catch {
        // A read-only or full temp folder only costs speed, never the run.
      }
    }
  }
}
