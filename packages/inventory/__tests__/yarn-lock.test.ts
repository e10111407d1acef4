import {describe, expect, it} from '@jest/globals'
import {ExtractError} from '../src/extractor'
import {yarnLock} from '../src/extractors/yarn-lock'
import {
  depsOf,
  directIds,
  extractNpmFixture,
  extractOnce,
  ids,
  npmFixture,
  pkg
} from './js-fixtures'

/**
 * The resolved entries of a yarn.lock computed without the extractor: each entry block's version
 * (v1: `  version "x"`; Berry: `  version: x` next to `  resolution: "name@protocol:..."`), its
 * real name from the first descriptor (after `npm:` for an alias) or the resolution.
 */
function expectedFromText(text: string, berry: boolean): {entries: number; ids: Set<string>} {
  const blocks = text
    .split(/\n(?=\S)/)
    .filter(b => !b.startsWith('#') && !b.startsWith('__metadata') && b.trim())
  const out = new Set<string>()
  let entries = 0
  for (const block of blocks) {
    if (berry) {
      const resolution = /\n {2}resolution: "([^"]+)"/.exec(block)![1]!
      const at = resolution.indexOf('@', 1)
      const protocol = resolution.slice(at + 1, resolution.indexOf(':', at))
      if (['workspace', 'link', 'portal'].includes(protocol)) continue
      const version = /\n {2}version: (\S+)/.exec(block)![1]!
      out.add(`${resolution.slice(0, at)}@${version}`)
    } else {
      const first = /^"?([^",]+)/.exec(block)![1]!
      const at = first.indexOf('@', 1)
      const range = first.slice(at + 1)
      const name = range.startsWith('npm:')
        ? range.slice(4, range.indexOf('@', 5))
        : first.slice(0, at)
      out.add(`${name}@${/\n {2}version "([^"]+)"/.exec(block)![1]}`)
    }
    entries++
  }
  return {entries, ids: out}
}

describe('yarn.lock on real files', () => {
  for (const [dir, berry] of [
    ['vue2-yarn-v1', false],
    ['redux-toolkit-yarn-berry', true]
  ] as const) {
    it(`${dir}: every resolved entry appears exactly once, aliases under the real name`, () => {
      const text = npmFixture(`${dir}/yarn.lock`)
      const {packages} = extractOnce(yarnLock, `${dir}/yarn.lock`)
      const expected = expectedFromText(text, berry)
      expect(expected.entries).toBeGreaterThan(1000)
      expect(ids(packages)).toEqual([...expected.ids].sort())
      expect(new Set(packages.map(p => p.purl)).size).toBe(packages.length)
      expect(packages.some(p => p.name.endsWith('-cjs'))).toBe(false)
      // the line of each package is an entry key line whose descriptors name it (or its alias)
      const lines = text.split('\n')
      for (const p of packages) expect(lines[p.location.startLine - 1]).toMatch(/^"?[^\s].*:$/)
    })
  }

  it('yarn v1: direct dependencies are those of package.json, dev ones in the dev scope', () => {
    const {packages} = extractOnce(yarnLock, 'vue2-yarn-v1/yarn.lock')
    const manifest = JSON.parse(npmFixture('vue2-yarn-v1/package.json')) as {
      devDependencies: Record<string, string>
    }
    const directNames = new Set(packages.filter(p => p.direct).map(p => p.name))
    for (const name of Object.keys(manifest.devDependencies))
      expect(directNames.has(name)).toBe(true)
    expect(pkg(packages, 'typescript@4.6.4').scope).toBe('dev')
    expect(pkg(packages, '@babel/code-frame@7.16.7').integrity).toMatch(/^sha512-/)
  })

  it('berry: a patched package is the same name@version as its base, listed once', () => {
    const {packages} = extractOnce(yarnLock, 'redux-toolkit-yarn-berry/yarn.lock')
    expect(
      packages
        .filter(p => p.name === 'typescript')
        .map(p => p.version)
        .sort()
    ).toEqual(['4.1.3', '4.2.4', '4.3.4', '4.5.2', '4.8.4', '4.9.4', '4.9.5'])
    expect(packages.some(p => p.name === 'rtk-monorepo')).toBe(false) // a workspace
    expect(depsOf(packages, 'msw@0.40.2')).toContain('chokidar@3.5.3')
  })
})

describe('yarn.lock edge cases (hand-made)', () => {
  it('v1: aliases, multi-descriptor keys, optional dependencies, direct from package.json', () => {
    const {packages} = extractNpmFixture(yarnLock, 'edge-cases/yarn-v1/yarn.lock')
    expect(ids(packages)).toEqual([
      '@scope/lib@1.2.3',
      'b@1.0.0',
      'b@2.0.0',
      'dev-tool@3.1.0',
      'opt@1.0.0',
      'string-width@4.2.3'
    ])
    expect(depsOf(packages, '@scope/lib@1.2.3')).toEqual([
      'b@2.0.0',
      'opt@1.0.0',
      'string-width@4.2.3'
    ])
    expect(directIds(packages)).toEqual([
      '@scope/lib@1.2.3',
      'dev-tool@3.1.0',
      'string-width@4.2.3'
    ])
    expect(pkg(packages, 'b@1.0.0').scope).toBe('dev') // only dev-tool needs it
    expect(pkg(packages, 'b@2.0.0').scope).toBe('prod')
    expect(pkg(packages, '@scope/lib@1.2.3')).toMatchObject({
      purl: 'pkg:npm/%40scope/lib@1.2.3',
      integrity: 'sha512-bGliCg==',
      location: {startLine: 5}
    })
  })

  it('v1 without package.json: entries nothing depends on are the direct ones', () => {
    const {packages} = yarnLock.extract({
      path: 'yarn.lock',
      text: npmFixture('edge-cases/yarn-v1/yarn.lock'),
      siblings: {}
    })
    expect(directIds(packages)).toEqual(['@scope/lib@1.2.3', 'dev-tool@3.1.0'])
  })

  it('berry: workspace:, link: and patch: protocols, npm: aliases', () => {
    const {packages} = extractNpmFixture(yarnLock, 'edge-cases/yarn-berry/yarn.lock')
    expect(ids(packages)).toEqual([
      '@scope/lib@1.2.3',
      'b@1.0.0',
      'b@2.0.0',
      'dev-tool@3.1.0',
      'string-width@4.2.3',
      'typescript@5.4.5'
    ])
    expect(depsOf(packages, '@scope/lib@1.2.3')).toEqual(['b@2.0.0', 'string-width@4.2.3'])
    expect(depsOf(packages, 'dev-tool@3.1.0')).toEqual(['typescript@5.4.5'])
    // root workspace deps and the ws-a workspace's deps
    expect(directIds(packages)).toEqual(['@scope/lib@1.2.3', 'b@1.0.0', 'dev-tool@3.1.0'])
    expect(pkg(packages, 'dev-tool@3.1.0').scope).toBe('dev')
    expect(pkg(packages, 'typescript@5.4.5')).toMatchObject({
      scope: 'dev',
      integrity: '10c0/aaaa',
      location: {startLine: 60}
    })
    expect(pkg(packages, 'b@1.0.0').scope).toBe('prod')
  })

  it('matches yarn.lock only', () => {
    expect(yarnLock.matches('web/yarn.lock')).toBe(true)
    expect(yarnLock.matches('yarn.lock.bak')).toBe(false)
    expect(yarnLock.matches('.yarnrc.yml')).toBe(false)
  })
})

describe('yarn.lock bad input', () => {
  const error = (text: string): ExtractError => {
    try {
      yarnLock.extract({path: 'yarn.lock', text, siblings: {}})
    } catch (e) {
      return e as ExtractError
    }
    throw new Error('expected an ExtractError')
  }

  it('v1: an entry without a version names the entry and line', () => {
    const e = error('# yarn lockfile v1\n\nfoo@^1.0.0:\n  resolved "https://x/foo.tgz"\n')
    expect(e.message).toBe('foo@^1.0.0: expected a "version" field')
    expect(e.line).toBe(3)
  })

  it('v1: a truncated quote and a stray line are reported with their lines', () => {
    expect(error('"foo@^1.0.0:\n  version "1.0.0"\n')).toMatchObject({
      line: 1,
      message: expect.stringMatching(/closing quote/)
    })
    expect(error('foo@^1.0.0:\n  version "1.0.0"\n      deep "x"\n')).toMatchObject({
      line: 3,
      message: expect.stringMatching(/unexpected indentation of 6/)
    })
    expect(error('foo@^1.0.0:\n  version "1.0.0"\nnot a key\n')).toMatchObject({line: 3})
    expect(error('foo@^1.0.0:\n  version "1.0\t0"\n')).toMatchObject({
      line: 2,
      message: 'expected a valid quoted string, got "\\"1.0\\t0\\""'
    })
  })

  it('berry: truncated YAML and wrong types name the line', () => {
    const text = npmFixture('edge-cases/yarn-berry/yarn.lock')
    expect(error(text.slice(0, text.indexOf('  resolution: "b@npm:1.0.0"') + 22))).toMatchObject({
      message: expect.stringMatching(/invalid YAML/)
    })
    const e = error(
      '__metadata:\n  version: 8\n\n"a@npm:^1":\n  version: 1.0.0\n  resolution: [1]\n'
    )
    expect(e.message).toBe('a@npm:^1: resolution: expected a string, got an array')
    expect(e.line).toBe(4)
    expect(error('__metadata:\n  version: 8\n\n"a@npm:^1": 3\n').message).toMatch(
      /expected a mapping, got number 3/
    )
  })
})
