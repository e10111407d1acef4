import {chmodSync, mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it, jest} from '@jest/globals'
import {
  COMPILE_CACHE_MAX_FILES,
  enableCompileCache,
  pruneCompileCache,
  type CompileCacheContext,
  type EnableCompileCache
} from '../src/compile-cache'

const uid = process.getuid!()

/** A context whose temp folder is fresh and whose Node "has" the API, recording its calls. */
function context(overrides: Partial<CompileCacheContext> = {}) {
  const temp = mkdtempSync(join(tmpdir(), 'pg-cc-'))
  const enable = jest.fn<EnableCompileCache>(directory => ({directory}))
  return {temp, enable, context: {env: {}, uid, tmpdir: temp, enable, ...overrides}}
}

describe('enableCompileCache', () => {
  it("turns on Node's compile cache in pipeguard-<uid>, a new folder of mode 0700 in the temp folder", () => {
    const {temp, enable, context: ctx} = context()
    const dir = join(temp, `pipeguard-${uid}`)
    expect(enableCompileCache(ctx)).toBe(dir)
    expect(enable.mock.calls).toEqual([[dir]])
    expect(readdirSync(temp)).toEqual([`pipeguard-${uid}`])
  })

  it('uses PIPEGUARD_CACHE_DIR when it is private', () => {
    const {temp, enable, context: ctx} = context()
    const dir = join(temp, 'mine')
    expect(enableCompileCache({...ctx, env: {PIPEGUARD_CACHE_DIR: dir}})).toBe(dir)
    expect(enable.mock.calls).toEqual([[dir]])
  })

  it('leaves the cache off when turned off, in CI, on Node 20 or Windows', () => {
    const cases: Partial<CompileCacheContext>[] = [
      {env: {PIPEGUARD_NO_COMPILE_CACHE: '1'}},
      {env: {CI: 'true'}},
      {env: {CI: '1'}},
      {enable: undefined},
      {uid: undefined}
    ]
    for (const overrides of cases) {
      const {temp, enable, context: ctx} = context()
      expect(enableCompileCache({...ctx, ...overrides})).toBeUndefined()
      expect(enable).not.toHaveBeenCalled()
      expect(readdirSync(temp)).toEqual([])
    }
  })

  it('leaves the cache off when its folder is not private', () => {
    const {temp, enable, context: ctx} = context()
    const open = join(temp, `pipeguard-${uid}`)
    mkdirSync(open)
    chmodSync(open, 0o777)
    expect(enableCompileCache(ctx)).toBeUndefined()
    expect(enableCompileCache({...ctx, env: {PIPEGUARD_CACHE_DIR: open}})).toBeUndefined()
    expect(enable).not.toHaveBeenCalled()
  })

  it('treats CI=false as not CI', () => {
    const {enable, context: ctx} = context({env: {CI: 'false'}})
    expect(enableCompileCache(ctx)).toBeDefined()
    expect(enable).toHaveBeenCalledTimes(1)
  })

  it('returns undefined when Node could not turn the cache on', () => {
    const {context: ctx} = context({enable: () => ({})})
    expect(enableCompileCache(ctx)).toBeUndefined()
  })
})

describe('pruneCompileCache', () => {
  it(`keeps the newest ${COMPILE_CACHE_MAX_FILES} files across Node versions and deletes the rest`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-cc-prune-'))
    const names: string[] = []
    for (const version of ['v22.8.0-x64-1a2b3c4d-0', 'v24.11.0-x64-5e6f7a8b-0']) {
      mkdirSync(join(dir, version))
      for (let i = 0; i < COMPILE_CACHE_MAX_FILES; i++) names.push(join(version, `${i}`))
    }
    names.forEach((name, age) => {
      writeFileSync(join(dir, name), '')
      utimesSync(join(dir, name), age, age)
    })
    pruneCompileCache(dir)
    const kept = readdirSync(dir, {recursive: true}).filter(name => names.includes(String(name)))
    expect(kept.sort()).toEqual(names.slice(-COMPILE_CACHE_MAX_FILES).sort())
  })

  it(`leaves ${COMPILE_CACHE_MAX_FILES} files or fewer alone`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-cc-prune-'))
    for (let i = 0; i < COMPILE_CACHE_MAX_FILES; i++) writeFileSync(join(dir, `${i}`), '')
    pruneCompileCache(dir)
    expect(readdirSync(dir)).toHaveLength(COMPILE_CACHE_MAX_FILES)
  })
})
