import {spawnSync} from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {crc32} from 'node:zlib'
import {describe, expect, it} from '@jest/globals'

/*
 * Another local user (or an earlier job on a shared runner) must never make `node dist/cli.js` run
 * their code through a compile cache. V8 accepts cached code for any source of the same length, and
 * Node's own compile cache checks the source against a CRC32 written in the cache file itself: a
 * checksum an attacker recomputes, not a signature. Only who can write the cache folder protects it.
 */

const dist = join(import.meta.dirname, '..', 'dist')
/** CI's Node 20 has no compile cache API; point this at a Node >= 22.8 to exercise Node's cache. */
const node = process.env.PIPEGUARD_TEST_NODE ?? process.execPath
const nodeHasCompileCache =
  spawnSync(node, ['-p', "typeof require('node:module').enableCompileCache"], {
    encoding: 'utf8'
  }).stdout.trim() === 'function'
const MARKER = 'Run the secret scan, dependency audit'
const POISON = 'Pwn the secret scan, dependency audit'

interface Sandbox {
  root: string
  dist: string
  tmp: string
  env: NodeJS.ProcessEnv
}

/** A copy of the CLI bundle and a temp folder of its own, with no cache setting inherited. */
function sandbox(): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'pg-cc-e2e-'))
  const copy = join(root, 'dist')
  mkdirSync(copy)
  for (const entry of readdirSync(dist, {withFileTypes: true})) {
    if (entry.isFile()) copyFileSync(join(dist, entry.name), join(copy, entry.name))
  }
  writeFileSync(join(copy, 'package.json'), '{"type": "module"}\n')
  const tmp = join(root, 'tmp')
  mkdirSync(tmp)
  const env = {PATH: process.env.PATH, HOME: join(root, 'home'), TMPDIR: tmp, NO_COLOR: '1'}
  return {root, dist: copy, tmp, env}
}

function cli(sb: Sandbox, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(node, [join(sb.dist, 'cli.js'), ...args], {
    encoding: 'utf8',
    env: {...sb.env, ...env}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter(e => e.isFile())
    .map(e => join(e.parentPath, e.name))
}

function dirsUnder(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter(e => e.isDirectory())
    .map(e => relative(dir, join(e.parentPath, e.name)))
    .sort()
}

/**
 * What an attacker plants: they run a same-length edit of the bundle at the victim's path (they
 * can read it), keep the caches it writes, and put them back in folders they made and opened to
 * everyone, the way the old shared `pipeguard-compile-cache` folder could be pre-created.
 * Returns the planted files.
 */
function plantPoisonedCache(sb: Sandbox, env: NodeJS.ProcessEnv = {}): string[] {
  const genuine = new Map<string, Buffer>()
  for (const file of filesUnder(sb.dist)) {
    const text = readFileSync(file, 'utf8')
    if (!text.includes(MARKER)) continue
    genuine.set(file, readFileSync(file))
    writeFileSync(file, text.replace(MARKER, POISON))
  }
  expect(genuine.size).toBe(1)
  const poisoned = cli(sb, ['--help'], env)
  expect(poisoned.stdout).toContain(POISON)

  const dirs = dirsUnder(sb.tmp)
  const caches = filesUnder(sb.tmp).map(file => ({
    path: relative(sb.tmp, file),
    bytes: readFileSync(file)
  }))
  for (const [file, bytes] of genuine) writeFileSync(file, bytes)
  const [genuineCode] = [...genuine.values()]

  rmSync(sb.tmp, {recursive: true, force: true})
  mkdirSync(sb.tmp)
  for (const dir of dirs) {
    mkdirSync(join(sb.tmp, dir), {recursive: true})
    chmodSync(join(sb.tmp, dir), 0o777)
  }
  for (const {path, bytes} of caches) {
    // Node's cache file header: magic, code size, cache size, code hash (CRC32), cache hash.
    if (bytes.length > 20 && bytes.readUInt32LE(4) === genuineCode!.length) {
      bytes.writeUInt32LE(crc32(genuineCode!), 12)
    }
    writeFileSync(join(sb.tmp, path), bytes)
  }
  return caches.map(c => c.path)
}

describe('dist/cli.js compile cache', () => {
  it("caches only through Node's own compile cache, in a folder of mode 0700 owned by the user", () => {
    const sb = sandbox()
    const first = cli(sb, ['--help'])
    expect(first).toMatchObject({code: 0, stderr: ''})
    expect(first.stdout).toContain(MARKER)
    if (!nodeHasCompileCache) {
      expect(readdirSync(sb.tmp)).toEqual([])
      return
    }
    const dir = join(sb.tmp, `pipeguard-${process.getuid!()}`)
    expect(readdirSync(sb.tmp)).toEqual([relative(sb.tmp, dir)])
    expect(lstatSync(dir).mode & 0o777).toBe(0o700)
    expect(filesUnder(dir).length).toBeGreaterThan(0)
    const second = cli(sb, ['--help'], {NODE_DEBUG_NATIVE: 'COMPILE_CACHE'})
    expect(second.stdout).toContain(MARKER)
    expect(second.stderr).toMatch(/V8 code cache for ESM \S+cli-main\.js was accepted/)
  })

  it('never runs code cached from a same-length edit of the bundle planted in a folder others can write', () => {
    const sb = sandbox()
    plantPoisonedCache(sb)
    const run = cli(sb, ['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(MARKER)
    expect(run.stdout).not.toContain(POISON)
  })

  it('never writes through a cache folder that is a symlink', () => {
    const sb = sandbox()
    cli(sb, ['--help'])
    const victim = join(sb.root, 'victim')
    mkdirSync(victim)
    for (const entry of readdirSync(sb.tmp)) {
      rmSync(join(sb.tmp, entry), {recursive: true})
      symlinkSync(victim, join(sb.tmp, entry))
    }
    symlinkSync(victim, join(sb.root, 'cache-link'))
    expect(cli(sb, ['--help']).code).toBe(0)
    expect(cli(sb, ['--help'], {PIPEGUARD_CACHE_DIR: join(sb.root, 'cache-link')}).code).toBe(0)
    expect(readdirSync(victim)).toEqual([])
  })

  it('runs without a cache when turned off, in CI, or where its folder cannot be made private', () => {
    const sb = sandbox()
    const notADir = join(sb.root, 'file')
    writeFileSync(notADir, '')
    const open = join(sb.root, 'open')
    mkdirSync(open)
    chmodSync(open, 0o755)
    for (const env of [
      {PIPEGUARD_NO_COMPILE_CACHE: '1'},
      {CI: 'true'},
      {PIPEGUARD_CACHE_DIR: join(notADir, 'cache')},
      {PIPEGUARD_CACHE_DIR: open},
      {TMPDIR: join(sb.root, 'missing')}
    ]) {
      const run = cli(sb, ['--help'], env)
      expect({env, code: run.code, stderr: run.stderr}).toEqual({env, code: 0, stderr: ''})
      expect(run.stdout).toContain(MARKER)
    }
    expect(filesUnder(sb.root).filter(f => !f.startsWith(sb.dist))).toEqual([notADir])
  })
})
