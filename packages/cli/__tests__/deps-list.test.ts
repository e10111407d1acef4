import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Writable} from 'node:stream'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {makeWorkspace, removeWorkspace} from '../../../test/helpers/workspace'
import {run} from '../src/main'

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'inventory', 'npm')

function capture(cwd: string) {
  let out = ''
  let err = ''
  const io = {
    stdout: new Writable({write: (c, _e, cb) => ((out += String(c)), cb())}),
    stderr: new Writable({write: (c, _e, cb) => ((err += String(c)), cb())}),
    env: {NO_COLOR: '1'} as NodeJS.ProcessEnv,
    cwd
  }
  return {io, out: () => out, err: () => err}
}

interface Listed {
  packages: Array<{
    ecosystem: string
    name: string
    version: string
    purl: string
    direct: boolean
    scope: string
    location: {path: string; startLine: number}
    dependencies: string[]
  }>
  errors: Array<{path: string; message: string}>
}

describe('pipeguard deps --list (in-process)', () => {
  let dir: string
  beforeAll(() => {
    dir = makeWorkspace({
      'package-lock.json': readFileSync(
        join(FIXTURES, 'edge-cases/npm-v3/package-lock.json'),
        'utf8'
      ),
      'web/bun.lock': readFileSync(join(FIXTURES, 'edge-cases/bun/bun.lock'), 'utf8'),
      'broken/pnpm-lock.yaml': "lockfileVersion: '9.0'\npackages: [\n",
      'node_modules/x/package-lock.json': readFileSync(
        join(FIXTURES, 'edge-cases/npm-v3/package-lock.json'),
        'utf8'
      )
    })
  })
  afterAll(() => removeWorkspace(dir))

  it('prints the documented JSON: exact fields, posix paths relative to PATH, stable order, errors per file', async () => {
    const c = capture('/')
    expect(await run(['deps', '--list', dir, '--format', 'json'], c.io)).toBe(0)
    const listed = JSON.parse(c.out()) as Listed
    expect(Object.keys(listed)).toEqual(['packages', 'errors'])
    expect(listed.packages).toHaveLength(11 + 6)
    for (const p of listed.packages) {
      expect(Object.keys(p)).toEqual([
        'ecosystem',
        'name',
        'version',
        'purl',
        'direct',
        'scope',
        'location',
        'dependencies'
      ])
    }
    expect(listed.packages[0]).toEqual({
      ecosystem: 'npm',
      name: '@scope/lib',
      version: '1.2.3',
      purl: 'pkg:npm/%40scope/lib@1.2.3',
      direct: true,
      scope: 'prod',
      location: {path: 'package-lock.json', startLine: 24},
      dependencies: ['pkg:npm/b@2.0.0']
    })
    expect(new Set(listed.packages.map(p => p.location.path))).toEqual(
      new Set(['package-lock.json', 'web/bun.lock'])
    )
    const keys = listed.packages.map(p => `${p.location.path}\n${p.name}\n${p.version}`)
    expect(keys).toEqual([...keys].sort())
    expect(listed.errors).toEqual([
      {
        path: 'broken/pnpm-lock.yaml',
        message: expect.stringMatching(/^broken\/pnpm-lock\.yaml:\d+:\d+: invalid YAML/)
      }
    ])
    expect(c.err()).toContain('1 file(s) could not be read')
  })

  it('prints a tree by default: direct at the top, transitive indented, repeats deduped', async () => {
    const c = capture(dir)
    expect(await run(['deps', '--list'], c.io)).toBe(0)
    const text = c.out()
    expect(text).toContain(
      'package-lock.json (11 packages, 8 direct)\n├── @scope/lib@1.2.3\n│   └── b@2.0.0\n'
    )
    expect(text).toContain('├── dev-tool@3.1.0 (dev)\n│   └── peer-thing@5.0.0 (peer)\n')
    expect(text).toContain('├── string-width@4.2.3\n│   └── b@1.0.0\n')
    expect(text).toContain('web/bun.lock (6 packages, 4 direct)\n')
    // dev-tool -> @scope/lib, whose subtree was printed above it
    expect(text).toContain('├── dev-tool@3.1.0 (dev)\n│   └── @scope/lib@1.2.3 (deduped)\n')
    expect(text).toContain('error: broken/pnpm-lock.yaml:')
  })

  it('--depth 0 shows direct dependencies only, with a count of the rest', async () => {
    const c = capture(dir)
    expect(await run(['deps', '--list', '--depth', '0'], c.io)).toBe(0)
    expect(c.out()).toContain('├── @scope/lib@1.2.3 (+1 more)\n├── b@1.0.0\n')
  })

  it('rejects formats the inventory has no use for, and bad depths', async () => {
    const a = capture(dir)
    expect(await run(['deps', '--list', '--format', 'sarif'], a.io)).toBe(2)
    expect(a.err()).toContain('--list prints json or table')
    const b = capture(dir)
    expect(await run(['deps', '--list', '--depth', 'x'], b.io)).toBe(2)
    expect(b.err()).toContain('--depth must be a whole number')
    const c = capture(dir)
    expect(await run(['deps', '--list', 'no/such/dir'], c.io)).toBe(2)
  })

  it('writes to --output', async () => {
    const c = capture(dir)
    expect(
      await run(['deps', '--list', '--format', 'json', '--output', 'out/inventory.json'], c.io)
    ).toBe(0)
    expect(c.out()).toBe('')
    expect(
      (JSON.parse(readFileSync(join(dir, 'out', 'inventory.json'), 'utf8')) as Listed).packages
    ).toHaveLength(17)
  })
})

describe('pipeguard deps (audit through the pipeline)', () => {
  it('runs the dependency scanner on the same lockfiles and gates on its findings', async () => {
    const dir = makeWorkspace({
      'package-lock.json': readFileSync(
        join(FIXTURES, 'edge-cases/npm-v3/package-lock.json'),
        'utf8'
      ),
      'osv/GHSA-test-b.json': JSON.stringify({
        id: 'GHSA-2222-3333-4444',
        modified: '2024-01-01T00:00:00Z',
        summary: 'b is broken',
        affected: [
          {
            package: {ecosystem: 'npm', name: 'b'},
            ranges: [{type: 'SEMVER', events: [{introduced: '2.0.0'}, {fixed: '2.0.1'}]}]
          }
        ],
        database_specific: {severity: 'HIGH'}
      })
    })
    try {
      const c = capture(dir)
      const code = await run(['deps', '.', '--advisory-db', 'osv', '--format', 'json'], c.io)
      const report = JSON.parse(c.out()) as {
        findings: Array<{
          ruleId: string
          package: {name: string; version: string}
          location: {path: string}
        }>
      }
      expect(
        report.findings.map(f => [f.ruleId, f.package.name, f.package.version, f.location.path])
      ).toEqual([['GHSA-2222-3333-4444', 'b', '2.0.0', 'package-lock.json']])
      expect(code).toBe(1)
    } finally {
      removeWorkspace(dir)
    }
  })

  it('--list names a lockfile over max-file-size among its errors, and lists the others', async () => {
    const dir = makeWorkspace({
      '.pipeguard.yml': 'max-file-size: 1000\n',
      'big/package-lock.json': JSON.stringify({lockfileVersion: 3, packages: {}}).padEnd(2000),
      'small/package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: {'node_modules/a': {version: '1.0.0'}}
      })
    })
    try {
      const c = capture(dir)
      expect(await run(['deps', '--list', '.', '--format', 'json'], c.io)).toBe(0)
      const listed = JSON.parse(c.out()) as Listed
      expect(listed.packages.map(p => p.purl)).toEqual(['pkg:npm/a@1.0.0'])
      expect(listed.errors).toEqual([
        {
          path: 'big/package-lock.json',
          message: expect.stringMatching(
            /^big\/package-lock\.json: larger than the max-file-size limit of 1000 B/
          )
        }
      ])
    } finally {
      removeWorkspace(dir)
    }
  })
})
