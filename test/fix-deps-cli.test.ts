/**
 * `dist/cli.js fix --deps` end to end: a real lockfile, real OSV records and real (trimmed)
 * packuments served by a fake npm registry on 127.0.0.1. The plan is printed; --write changes
 * package-lock.json and package.json, and `pipeguard deps` on the result no longer finds what
 * was fixed in place.
 */
import {spawn} from 'node:child_process'
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, afterEach, beforeAll, describe, expect, it} from '@jest/globals'
import {
  startFakeNpmRegistry,
  type FakeNpmRegistry
} from '../packages/advisories/__tests__/fake-npm-registry'

const repo = join(import.meta.dirname, '..')
const cli = join(repo, 'dist', 'cli.js')
const npmOsv = join(repo, 'test', 'fixtures', 'advisories', 'osv', 'npm')
const toolkit = join(repo, 'test', 'fixtures', 'inventory', 'npm', 'actions-toolkit-v2')
const app = join(repo, 'test', 'fixtures', 'e2e', 'app')

const dirs: string[] = []
afterAll(() => dirs.forEach(dir => rmSync(dir, {recursive: true, force: true})))

/** A copy of a fixture project (only its manifest and lockfile) in a fresh temporary folder. */
function copyProject(from: string, files = ['package.json', 'package-lock.json']): string {
  const dir = mkdtempSync(join(tmpdir(), 'pg-fix-deps-'))
  dirs.push(dir)
  for (const file of files) cpSync(join(from, file), join(dir, file))
  return dir
}

/** Async: the fake registry answers from this process, which spawnSync would block. */
function run(args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: {...process.env, NO_COLOR: '1', npm_config_registry: '', NPM_CONFIG_REGISTRY: ''}
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('close', code => resolve({code, stdout, stderr}))
  })
}

interface Report {
  findings: Array<{ruleId: string; package?: {name: string; version: string}}>
}

async function auditedVulns(dir: string): Promise<string[]> {
  const result = await run([
    'deps',
    dir,
    '--advisory-db',
    npmOsv,
    '--format',
    'json',
    '--mode',
    'audit'
  ])
  expect(result.code).toBe(0)
  const report = JSON.parse(result.stdout) as Report
  return report.findings
    .filter(f => f.package)
    .map(f => `${f.package!.name}@${f.package!.version} ${f.ruleId}`)
    .sort()
}

let registry: FakeNpmRegistry
beforeAll(async () => {
  registry = await startFakeNpmRegistry()
})
afterAll(() => registry.close())
afterEach(() => {
  registry.override.clear()
  registry.requests.length = 0
})

describe('pipeguard fix --deps on actions/toolkit (package-lock v2, 1379 packages)', () => {
  it('prints the plan as commands and changes nothing without --write', async () => {
    const dir = copyProject(toolkit)
    const before = readFileSync(join(dir, 'package-lock.json'), 'utf8')
    const result = await run([
      'fix',
      '--deps',
      dir,
      '--registry',
      registry.url,
      '--advisory-db',
      npmOsv
    ])
    expect(result.stderr).not.toMatch(/incomplete|error/i)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^package-lock\.json: 1379 packages, 58 vulnerable$/m)
    expect(result.stdout).toContain(
      '  braces 3.0.2 -> 3.0.3 (node_modules/braces): fixes GHSA-grv7-fg5c-xmjg'
    )
    expect(result.stdout).toContain(
      '  fill-range 7.0.1 -> 7.1.1 (node_modules/fill-range): needed by braces 3.0.3'
    )
    expect(result.stdout).toMatch(/^ {2}npm update @babel\/traverse/m)
    expect(result.stdout).toMatch(/^ {2}npm install --save-dev lerna@\d+\.\d+\.\d+$/m)
    expect(result.stderr).toContain('run again with --write')
    expect(readFileSync(join(dir, 'package-lock.json'), 'utf8')).toBe(before)
    expect(
      registry.requests.every(r => r.accept?.includes('application/vnd.npm.install-v1+json'))
    ).toBe(true)
  }, 90_000)

  it('with --write, updates the lockfile so `pipeguard deps` no longer finds what was fixed in place', async () => {
    const dir = copyProject(toolkit)
    const before = await auditedVulns(dir)
    const result = await run([
      'fix',
      '--deps',
      dir,
      '--write',
      '--registry',
      registry.url,
      '--advisory-db',
      npmOsv,
      '--format',
      'json'
    ])
    expect(result.code).toBe(0)
    const plan = JSON.parse(result.stdout) as {
      inPlace: Array<{name: string; from: string; fixes: string[]}>
      direct: Array<{name: string; to: string; relock: boolean; field: string}>
      written: string[]
    }
    expect(plan.written).toEqual(['package-lock.json', 'package.json'])
    expect(result.stderr).toContain('run `npm install` to update package-lock.json')
    const after = await auditedVulns(dir)
    for (const gone of [
      'braces@3.0.2',
      'micromatch@4.0.4',
      'ws@7.5.5',
      'axios@1.2.1',
      'follow-redirects@1.15.2'
    ]) {
      expect(before.some(v => v.startsWith(`${gone} `))).toBe(true)
      expect(after.some(v => v.startsWith(`${gone} `))).toBe(false)
    }
    expect(after.length).toBeLessThan(before.length)
    // What is left is what the printed relock and direct upgrades remove after `npm install`.
    const lerna = plan.direct.find(u => u.name === 'lerna' && !u.relock)!
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    expect(manifest.devDependencies.lerna).toBe(`^${lerna.to}`)
  }, 120_000)
})

describe('pipeguard fix --deps on direct dependencies pinned in package.json', () => {
  it('with --write, raises the pins in package.json and leaves the lockfile to npm install', async () => {
    const dir = copyProject(app)
    const lock = readFileSync(join(dir, 'package-lock.json'), 'utf8')
    const result = await run([
      'fix',
      '--deps',
      dir,
      '--write',
      '--registry',
      registry.url,
      '--advisory-db',
      join(repo, 'test', 'fixtures', 'e2e', 'osv')
    ])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('  npm install lodash@4.17.21\n')
    expect(result.stdout).toContain('  npm install minimist@1.2.6\n')
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies).toEqual({
      lodash: '4.17.21',
      minimist: '1.2.6'
    })
    expect(readFileSync(join(dir, 'package-lock.json'), 'utf8')).toBe(lock)
  }, 60_000)

  it('exits 1 when no release removes a vulnerability', async () => {
    const lodash = JSON.parse(
      readFileSync(join(repo, 'test', 'fixtures', 'remediation', 'registry', 'lodash.json'), 'utf8')
    )
    lodash.versions = {'4.17.20': lodash.versions['4.17.20']}
    registry.override.set('lodash', {status: 200, body: JSON.stringify(lodash)})
    const result = await run([
      'fix',
      '--deps',
      copyProject(app),
      '--registry',
      registry.url,
      '--advisory-db',
      join(repo, 'test', 'fixtures', 'e2e', 'osv')
    ])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /^No upgrade found:\n {2}lodash 4\.17\.20 \(node_modules\/lodash, GHSA-35jh-r3h4-6jhm\): /m
    )
  }, 60_000)
})

describe('pipeguard fix --deps and registry credentials', () => {
  // Generated for the test; not a real credential.
  const token = 'npm_' + 'Vd8sQm2LxT5rWc9ZkP3nB7yHa1GfJ4eU6oRi'

  it('sends the project .npmrc token to its registry only, and never prints it', async () => {
    const dir = copyProject(app)
    const host = new URL(registry.url).host
    writeFileSync(
      join(dir, '.npmrc'),
      `registry=${registry.url}\n//${host}/:_authToken=\${PG_TEST_TOKEN}\n`
    )
    const result = await new Promise<{code: number | null; out: string}>(resolve => {
      const child = spawn(
        process.execPath,
        [cli, 'fix', '--deps', dir, '--advisory-db', join(repo, 'test', 'fixtures', 'e2e', 'osv')],
        {
          env: {
            ...process.env,
            npm_config_registry: '',
            NPM_CONFIG_REGISTRY: '',
            PG_TEST_TOKEN: token
          }
        }
      )
      let out = ''
      child.stdout.on('data', chunk => (out += chunk))
      child.stderr.on('data', chunk => (out += chunk))
      child.on('close', code => resolve({code, out}))
    })
    expect(result.code).toBe(0)
    expect(registry.requests.map(r => r.authorization)).toEqual([
      `Bearer ${token}`,
      `Bearer ${token}`
    ])
    expect(result.out).not.toContain(token)
  }, 60_000)
})

describe('pipeguard fix --deps fails closed', () => {
  const e2eOsv = join(repo, 'test', 'fixtures', 'e2e', 'osv')

  it.each([
    [{status: 500}, /answered HTTP 500/],
    [{status: 404}, /not in the registry \(HTTP 404\)/],
    [
      {status: 200, body: '{"name":"lodash","versions":{"4.17.21":{"version":"4.17.21"}}}'},
      /not a packument/
    ]
  ])(
    'exits 2 and says the plan is incomplete when the registry answers %j',
    async (answer, message) => {
      registry.override.set('lodash', answer)
      const result = await run([
        'fix',
        '--deps',
        copyProject(app),
        '--registry',
        registry.url,
        '--advisory-db',
        e2eOsv
      ])
      expect(result.code).toBe(2)
      expect(result.stdout).toMatch(message)
      expect(result.stderr).toContain('the plan is incomplete')
    },
    60_000
  )

  it('exits 2 with a clear message without a package-lock.json, or with another package manager', async () => {
    const empty = copyProject(app, ['package.json'])
    const none = await run(['fix', '--deps', empty, '--registry', registry.url])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/fix --deps needs a package-lock\.json in .*; none found/)
    writeFileSync(join(empty, 'yarn.lock'), '# yarn lockfile v1\n')
    const yarn = await run(['fix', '--deps', empty, '--registry', registry.url])
    expect(yarn.code).toBe(2)
    expect(yarn.stderr).toMatch(/has yarn\.lock instead, which it does not support/)
    expect(registry.requests.length).toBe(0)
  })

  it('exits 2 on a lockfile v1 and on a usage error', async () => {
    const v1 = copyProject(join(repo, 'test', 'fixtures', 'inventory', 'npm', 'actions-toolkit-v1'))
    const old = await run([
      'fix',
      '--deps',
      v1,
      '--registry',
      registry.url,
      '--advisory-db',
      npmOsv
    ])
    expect(old.code).toBe(2)
    expect(old.stdout).toMatch(/lockfileVersion 1 has no "packages" map/)
    const usage = await run(['fix', v1])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/say what to fix: --deps/)
  })
})
