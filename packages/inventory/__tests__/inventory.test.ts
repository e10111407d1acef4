import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {Workspace} from '@pipeguard/core'
import {makeWorkspace, randomToken, removeWorkspace} from '../../../test/helpers/workspace'
import {dependencyPaths} from '../src/dependency-paths'
import {extractInventory, inventoryFileRequired, type InventoryResult} from '../src/inventory'
import type {Inventory, Package} from '../src/package'
import {npmFixture} from './js-fixtures'

const CONFLICTED = [
  '# yarn lockfile v1',
  '',
  'b@^1.0.0:',
  '<<<<<<< HEAD',
  '  version "1.0.0"',
  '=======',
  '  version "1.1.0"',
  '>>>>>>> feature',
  ''
].join('\n')

/** A good lockfile with a merge conflict left in it after the given line. */
function conflicted(text: string, afterLine: number): string {
  const lines = text.split('\n')
  lines.splice(afterLine, 0, '<<<<<<< HEAD', lines[afterLine]!, '=======')
  lines.splice(afterLine + 4, 0, '>>>>>>> feature')
  return lines.join('\n')
}

describe('extractInventory over a monorepo', () => {
  let dir: string
  let result: InventoryResult

  beforeAll(async () => {
    const bun = npmFixture('edge-cases/bun/bun.lock')
    const pnpm = npmFixture('edge-cases/pnpm-v9/pnpm-lock.yaml')
    dir = makeWorkspace({
      'package-lock.json': npmFixture('edge-cases/npm-v3/package-lock.json'),
      'legacy/package-lock.json': npmFixture('edge-cases/npm-v1/package-lock.json'),
      'legacy/package.json': JSON.stringify({dependencies: {b: '^1.0.0'}}),
      'apps/berry/yarn.lock': npmFixture('edge-cases/yarn-berry/yarn.lock'),
      'apps/berry/package.json': npmFixture('edge-cases/yarn-berry/package.json'),
      'apps/bun/bun.lock': bun,
      'apps/pnpm/pnpm-lock.yaml': pnpm,
      // bad files, one per format
      'bad/conflict/yarn.lock': CONFLICTED,
      'bad/conflict-npm/package-lock.json': conflicted(
        npmFixture('edge-cases/npm-v3/package-lock.json'),
        30
      ),
      'bad/conflict-pnpm/pnpm-lock.yaml': conflicted(pnpm, 40),
      'bad/conflict-bun/bun.lock': conflicted(bun, 25),
      'bad/conflict-berry/yarn.lock': conflicted(npmFixture('edge-cases/yarn-berry/yarn.lock'), 12),
      'bad/truncated/pnpm-lock.yaml':
        pnpm.slice(0, pnpm.indexOf('snapshots:') + 40) + '\n  broken: [\n',
      'bad/types/bun.lock':
        '{"lockfileVersion": 1,\n  "packages": {\n    "a": {"not": "an array"},\n  },\n}\n',
      'bad/truncated/package-lock.json':
        '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": {\n',
      // installed or vendored copies are not the project's declarations
      'node_modules/dep/package-lock.json': npmFixture('edge-cases/npm-v3/package-lock.json'),
      'vendor/thing/yarn.lock': CONFLICTED
    })
    const workspace = await Workspace.open(dir)
    result = await extractInventory(
      workspace,
      workspace.files.filter(f => inventoryFileRequired(f.path))
    )
  })
  afterAll(() => removeWorkspace(dir))

  it('extracts every good lockfile, each package located in its own file', () => {
    const files = new Map<string, number>()
    for (const p of result.packages)
      files.set(p.location.path, (files.get(p.location.path) ?? 0) + 1)
    expect(Object.fromEntries(files)).toEqual({
      'apps/berry/yarn.lock': 6,
      'apps/bun/bun.lock': 6,
      'apps/pnpm/pnpm-lock.yaml': 7,
      'legacy/package-lock.json': 6,
      'package-lock.json': 11
    })
  })

  it('reads the package.json next to a lockfile', () => {
    const legacy = result.packages.filter(
      p => p.location.path === 'legacy/package-lock.json' && p.direct
    )
    expect(legacy.map(p => `${p.name}@${p.version}`)).toEqual(['b@1.0.0'])
  })

  it('reports each bad file with its path, line and what was expected', () => {
    const byPath = Object.fromEntries(result.errors.map(e => [e.path, e.message]))
    expect(Object.keys(byPath).sort()).toEqual([
      'bad/conflict-berry/yarn.lock',
      'bad/conflict-bun/bun.lock',
      'bad/conflict-npm/package-lock.json',
      'bad/conflict-pnpm/pnpm-lock.yaml',
      'bad/conflict/yarn.lock',
      'bad/truncated/package-lock.json',
      'bad/truncated/pnpm-lock.yaml',
      'bad/types/bun.lock'
    ])
    expect(byPath['bad/conflict/yarn.lock']).toBe(
      'bad/conflict/yarn.lock:4: unresolved git merge conflict marker; resolve the conflict and regenerate the lockfile'
    )
    for (const [path, line] of [
      ['bad/conflict-npm/package-lock.json', 31],
      ['bad/conflict-pnpm/pnpm-lock.yaml', 41],
      ['bad/conflict-bun/bun.lock', 26],
      ['bad/conflict-berry/yarn.lock', 13]
    ]) {
      expect(byPath[path!]).toBe(
        `${path}:${line}: unresolved git merge conflict marker; resolve the conflict and regenerate the lockfile`
      )
    }
    expect(byPath['bad/truncated/package-lock.json']).toBe(
      'bad/truncated/package-lock.json:5:1: invalid JSON: unexpected end of file (truncated?); expected a string'
    )
    expect(byPath['bad/truncated/pnpm-lock.yaml']).toMatch(
      /^bad\/truncated\/pnpm-lock\.yaml:\d+:\d+: invalid YAML: /
    )
    expect(byPath['bad/types/bun.lock']).toBe(
      'bad/types/bun.lock:3: packages["a"]: expected an array starting with "name@version", got an object'
    )
  })

  it('keeps warnings apart from errors', () => {
    expect(result.warnings).toContainEqual({
      path: 'legacy/package-lock.json',
      message: expect.stringContaining('local-thing is a local folder')
    })
  })
})

describe('extractInventory edge cases', () => {
  const REQUIREMENTS = 'requests==2.19.0\nflask==0.12\n'
  const LOCK = JSON.stringify({
    lockfileVersion: 3,
    packages: {'node_modules/lodash': {version: '4.17.15'}}
  })
  const extractDir = async (
    files: Record<string, string | Buffer>,
    options: {maxFileSize?: number; links?: Record<string, string>} = {}
  ) => {
    const dir = makeWorkspace({})
    try {
      for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content)
      for (const [path, target] of Object.entries(options.links ?? {}))
        symlinkSync(target, join(dir, path))
      const workspace = await Workspace.open(dir, {maxFileSize: options.maxFileSize})
      const result = await extractInventory(workspace, workspace.files)
      return Object.assign(result, {skipped: workspace.skipped})
    } finally {
      removeWorkspace(dir)
    }
  }
  const purls = (result: InventoryResult) => result.packages.map(p => p.purl)

  it('masks credentials a quoted lockfile line carries, in errors and warnings', async () => {
    const token = randomToken('', 36)
    const result = await extractDir({
      'requirements.txt': `-ihttps://ci:${token}@pypi.example.com/simple\nsix==1.16.0\n`,
      'yarn.lock': `# yarn lockfile v1\n\na@^1:\n  resolved "https://ci:${token}@registry.example.com/a.tgz\n`
    })
    expect(result.warnings).toEqual([
      {
        path: 'requirements.txt',
        message: `requirements.txt:1: unknown option -ihttps://ci:${token.slice(0, 4)}****@pypi.example.com/…`
      }
    ])
    expect(result.errors).toEqual([
      {
        path: 'yarn.lock',
        message: `yarn.lock:4: expected a closing quote in "\\"https://ci:${token.slice(0, 4)}****@registry.example.c…"`
      }
    ])
  })

  it('a binary file with a lockfile name is an error for that file only', async () => {
    const result = await extractDir({
      'package-lock.json': '{"lockfileVersion": 3, "packages": {}}',
      'bun.lock': Buffer.from([0x7b, 0x00, 0x01])
    })
    expect(result.errors).toEqual([
      {
        path: 'bun.lock',
        message:
          'bun.lock:1: not a text file: it contains a NUL byte (binary, or UTF-16 without a byte order mark)'
      }
    ])
    expect(result.packages).toEqual([])
  })

  it('reads lockfiles and manifests that start with a UTF-8 byte order mark', async () => {
    const result = await extractDir({
      'yarn.lock': `\uFEFF# yarn lockfile v1\n\nlodash@^4:\n  version "4.17.15"\n`,
      'package.json': '\uFEFF{"dependencies": {"lodash": "^4"}}',
      'requirements.txt': `\uFEFF${REQUIREMENTS}`
    })
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    expect(purls(result)).toEqual([
      'pkg:pypi/requests@2.19.0',
      'pkg:pypi/flask@0.12',
      'pkg:npm/lodash@4.17.15'
    ])
    expect(result.packages[2]!.direct).toBe(true)
  })

  it('reads a UTF-16 requirements file (pip does) and its UTF-16 include', async () => {
    const utf16 = (text: string) =>
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const result = await extractDir({
      'requirements.txt': utf16('-r base.in\nrequests==2.19.0\n'),
      'base.in': utf16('flask==0.12\n')
    })
    expect(result.errors).toEqual([])
    expect(purls(result)).toEqual(['pkg:pypi/flask@0.12', 'pkg:pypi/requests@2.19.0'])
    expect(result.packages.map(p => p.location)).toEqual([
      {path: 'base.in', startLine: 1},
      {path: 'requirements.txt', startLine: 2}
    ])
  })

  it('a UTF-16 package-lock.json is an error naming the encoding (npm reads UTF-8 only)', async () => {
    const result = await extractDir({
      'package-lock.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LOCK, 'utf16le')])
    })
    expect(result.errors).toEqual([
      {
        path: 'package-lock.json',
        message:
          'package-lock.json:1: the file is UTF-16LE (it starts with the byte order mark FF FE); this format is read as UTF-8 only: save it as UTF-8'
      }
    ])
  })

  it("a lockfile behind a symbolic link is an error; one over the size limit is the workspace's", async () => {
    const result = await extractDir(
      {
        'package-lock.json': LOCK.padEnd(2000),
        'README.md': 'x'.repeat(2000),
        'real.txt': REQUIREMENTS
      },
      {maxFileSize: 1000, links: {'requirements.txt': 'real.txt'}}
    )
    expect(result.errors).toEqual([
      {
        path: 'requirements.txt',
        message:
          'requirements.txt: symbolic link (not followed); its dependencies were not read (scan the file it points to, or exclude the link with a reason)'
      }
    ])
    // Not read past the limit: the workspace lists it as an error of its own (the scan is incomplete).
    expect(result.skipped).toContainEqual({
      path: 'package-lock.json',
      reason: expect.stringMatching(/^larger than the max-file-size limit of 1000 B/),
      error: true
    })
    expect(result.skipped.map(s => s.path)).not.toContain('README.md')
    expect(result.packages).toEqual([])
  })
})

describe('inventoryFileRequired', () => {
  it('wants lockfiles outside installed and vendored folders', () => {
    expect(inventoryFileRequired('package-lock.json')).toBe(true)
    expect(inventoryFileRequired('apps/web/pnpm-lock.yaml')).toBe(true)
    expect(inventoryFileRequired('apps/web/yarn.lock')).toBe(true)
    expect(inventoryFileRequired('bun.lock')).toBe(true)
    expect(inventoryFileRequired('node_modules/a/package-lock.json')).toBe(false)
    expect(inventoryFileRequired('node_modules/.package-lock.json')).toBe(false)
    expect(inventoryFileRequired('vendor/x/yarn.lock')).toBe(false)
    expect(inventoryFileRequired('a/.venv/lib/x/yarn.lock')).toBe(false)
    expect(inventoryFileRequired('README.md')).toBe(false)
    expect(inventoryFileRequired('src/index.ts')).toBe(false)
  })
})

function pkgOf(id: string, deps: string[], direct = false, path = 'package-lock.json'): Package {
  const [name, version] = id.split('@') as [string, string]
  return {
    ecosystem: 'npm',
    name,
    version,
    purl: `pkg:npm/${id}`,
    direct,
    scope: 'prod',
    pinned: true,
    location: {path, startLine: 1},
    dependencies: deps.map(d => `pkg:npm/${d}`)
  }
}

describe('dependencyPaths', () => {
  const inventory: Inventory = {
    errors: [],
    packages: [
      pkgOf('a@1', ['c@1', 'x@1'], true),
      pkgOf('b@1', ['c@1'], true),
      pkgOf('c@1', ['d@1']),
      pkgOf('x@1', ['y@1']),
      pkgOf('y@1', ['d@1']),
      pkgOf('d@1', []),
      pkgOf('orphan@1', []),
      pkgOf('d@1', [], false, 'other/package-lock.json'),
      pkgOf('e@1', ['d@1'], true, 'other/package-lock.json')
    ]
  }

  it('gives every shortest chain from a direct dependency, per lockfile', () => {
    expect(dependencyPaths(inventory, 'pkg:npm/d@1')).toEqual([
      ['pkg:npm/a@1', 'pkg:npm/c@1', 'pkg:npm/d@1'],
      ['pkg:npm/b@1', 'pkg:npm/c@1', 'pkg:npm/d@1'],
      ['pkg:npm/e@1', 'pkg:npm/d@1']
    ])
    expect(dependencyPaths(inventory, 'pkg:npm/d@1', {path: 'other/package-lock.json'})).toEqual([
      ['pkg:npm/e@1', 'pkg:npm/d@1']
    ])
    expect(dependencyPaths(inventory, 'pkg:npm/d@1', {limit: 1})).toHaveLength(1)
  })

  it('a direct package is its own path; unreached or unknown ones have none', () => {
    expect(dependencyPaths(inventory, 'pkg:npm/a@1')).toEqual([['pkg:npm/a@1']])
    expect(dependencyPaths(inventory, 'pkg:npm/orphan@1')).toEqual([])
    expect(dependencyPaths(inventory, 'pkg:npm/nope@1')).toEqual([])
  })

  it('works on a real extraction: which direct dependency pulls a nested copy', async () => {
    const dir = makeWorkspace({
      'package-lock.json': npmFixture('edge-cases/npm-v3/package-lock.json')
    })
    try {
      const workspace = await Workspace.open(dir)
      const result = await extractInventory(workspace, workspace.files)
      expect(dependencyPaths(result, 'pkg:npm/b@2.0.0')).toEqual([
        ['pkg:npm/%40scope/lib@1.2.3', 'pkg:npm/b@2.0.0']
      ])
      expect(dependencyPaths(result, 'pkg:npm/inner@1.0.1')).toEqual([
        ['pkg:npm/with-bundle@2.0.0', 'pkg:npm/inner@1.0.1']
      ])
    } finally {
      removeWorkspace(dir)
    }
  })
})
