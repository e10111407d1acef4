import {spawnSync} from 'node:child_process'
import {createRequire} from 'node:module'
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {loadCommonJs} from '../src/compile-cache'

const cli = join(import.meta.dirname, '..', '..', '..', 'dist', 'cli.js')

/** The bundle runs the cache for real: jest's module sandbox changes how V8 judges cached data. */
function help(env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [cli, '--help'], {
    encoding: 'utf8',
    env: {...process.env, ...env}
  })
}

describe('loadCommonJs', () => {
  it('runs a CommonJS bundle from a string with require, module and __filename', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-cc-'))
    const code = `const {basename} = require('node:path'); exports.answer = 42; exports.base = basename(__filename); module.exports.double = n => n * 2`
    const loaded = loadCommonJs<{answer: number; base: string; double: (n: number) => number}>(
      code,
      {
        filename: join(dir, 'cli.js'),
        require: createRequire(import.meta.url),
        env: {PIPEGUARD_NO_COMPILE_CACHE: '1'}
      }
    )
    expect(loaded.exports).toMatchObject({answer: 42, base: 'cli.js'})
    expect(loaded.exports.double(4)).toBe(8)
  })

  it('dist/cli.js writes V8 code cache once, reuses it and replaces a foreign or corrupt one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-cc-'))
    expect(help({PIPEGUARD_CACHE_DIR: dir}).status).toBe(0)
    const [file] = readdirSync(dir)
    expect(file).toMatch(/^[0-9a-f]{32}-help\.v8$/)
    const cache = readFileSync(join(dir, file!))
    expect(cache.length).toBeGreaterThan(10000)
    const second = help({PIPEGUARD_CACHE_DIR: dir})
    expect(second.status).toBe(0)
    expect(second.stdout).toContain('Usage: pipeguard <command>')
    expect(readdirSync(dir)).toEqual([file])

    writeFileSync(join(dir, file!), cache.subarray(0, cache.length >> 1))
    expect(help({PIPEGUARD_CACHE_DIR: dir}).status).toBe(0)
    expect(readFileSync(join(dir, file!)).length).toBeGreaterThan(cache.length * 0.9)
  })

  it('can be turned off', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-cc-'))
    expect(help({PIPEGUARD_CACHE_DIR: dir, PIPEGUARD_NO_COMPILE_CACHE: '1'}).status).toBe(0)
    expect(readdirSync(dir)).toEqual([])
  })
})
