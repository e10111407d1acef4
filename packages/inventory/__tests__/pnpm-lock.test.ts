import {describe, expect, it} from '@jest/globals'
import {ExtractError} from '../src/extractor'
import {pnpmLock} from '../src/extractors/pnpm-lock'
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
 * The `packages:` keys of a pnpm-lock.yaml read line by line (two-space indented keys), peer
 * suffixes cut off, local directories left out: the set of resolved packages, computed without
 * the extractor.
 */
function packageKeys(text: string): {keys: number; ids: Set<string>} {
  const section = text.slice(
    text.indexOf('\npackages:\n'),
    text.includes('\nsnapshots:\n') ? text.indexOf('\nsnapshots:\n') : undefined
  )
  const out = new Set<string>()
  let keys = 0
  for (const match of section.matchAll(/^ {2}'?\/?([^\s'][^']*?)'?:\n {4}(.*)$/gm)) {
    if (match[2]!.includes('type: directory')) continue // a local folder (the project itself)
    const key = match[1]!.replace(/\(.*$/, '')
    const at = key.lastIndexOf('@')
    out.add(`${key.slice(0, at)}@${key.slice(at + 1)}`)
    keys++
  }
  return {keys, ids: out}
}

describe('pnpm-lock.yaml on real files', () => {
  for (const dir of ['vue2-pnpm-v6', 'vue-core-pnpm-v9']) {
    it(`${dir}: every resolved entry appears exactly once, peer variants merged`, () => {
      const text = npmFixture(`${dir}/pnpm-lock.yaml`)
      const {packages} = extractOnce(pnpmLock, `${dir}/pnpm-lock.yaml`)
      const expected = packageKeys(text)
      expect(expected.ids.size).toBeGreaterThan(700)
      expect(ids(packages)).toEqual([...expected.ids].sort())
      expect(new Set(packages.map(p => p.purl)).size).toBe(packages.length)
      const lines = text.split('\n')
      for (const p of packages)
        expect(lines[p.location.startLine - 1]).toContain(`${p.name}@${p.version}`)
    })
  }

  it('v9: aliases resolve to the real package, importers give the direct ones', () => {
    const {packages} = extractOnce(pnpmLock, 'vue-core-pnpm-v9/pnpm-lock.yaml')
    expect(packages.some(p => p.name === 'string-width-cjs')).toBe(false)
    expect(depsOf(packages, '@isaacs/cliui@8.0.2')).toEqual(
      expect.arrayContaining([
        'string-width@4.2.3',
        'string-width@5.1.2',
        'strip-ansi@6.0.1',
        'wrap-ansi@7.0.0'
      ])
    )
    expect(pkg(packages, 'vite@5.4.0').direct).toBe(true)
    expect(pkg(packages, '@babel/parser@7.25.3')).toMatchObject({direct: true, scope: 'prod'})
    expect(packages.some(p => p.name === '@vue/shared')).toBe(false) // a workspace package (link:)
  })

  it('v6: dev flags and importer scopes', () => {
    const {packages} = extractOnce(pnpmLock, 'vue2-pnpm-v6/pnpm-lock.yaml')
    expect(pkg(packages, 'csstype@3.1.2')).toMatchObject({direct: true, scope: 'prod'})
    expect(pkg(packages, '@babel/parser@7.23.5')).toMatchObject({direct: true, scope: 'prod'})
    expect(pkg(packages, 'esbuild@0.19.8')).toMatchObject({direct: true, scope: 'dev'})
  })
})

describe('pnpm-lock.yaml edge cases (hand-made)', () => {
  it('v5: /name/version keys, underscore peer suffixes, names with underscores, aliases', () => {
    const {packages} = extractNpmFixture(pnpmLock, 'edge-cases/pnpm-v5/pnpm-lock.yaml')
    expect(ids(packages)).toEqual([
      '@scope/lib@1.2.3',
      'dev-tool@3.1.0',
      'react-thing@2.0.0',
      'react@18.2.0',
      'string-width@4.2.3',
      'string_decoder@1.3.0'
    ])
    expect(depsOf(packages, 'react-thing@2.0.0')).toEqual(['react@18.2.0'])
    expect(depsOf(packages, '@scope/lib@1.2.3')).toEqual(['string_decoder@1.3.0'])
    expect(directIds(packages)).toEqual([
      '@scope/lib@1.2.3',
      'dev-tool@3.1.0',
      'react-thing@2.0.0',
      'string-width@4.2.3'
    ])
    expect(pkg(packages, 'dev-tool@3.1.0').scope).toBe('dev')
    expect(pkg(packages, '@scope/lib@1.2.3')).toMatchObject({
      purl: 'pkg:npm/%40scope/lib@1.2.3',
      integrity: 'sha512-bGliCg==',
      location: {startLine: 19}
    })
  })

  it('v6: one package for two peer variants, workspace importers, links, git packages', () => {
    const {packages} = extractNpmFixture(pnpmLock, 'edge-cases/pnpm-v6/pnpm-lock.yaml')
    expect(ids(packages)).toEqual([
      '@scope/lib@1.2.3',
      'dev-tool@3.1.0',
      'from-git@0.3.0',
      'react-thing@2.0.0',
      'react@17.0.2',
      'react@18.2.0',
      'string-width@4.2.3'
    ])
    expect(depsOf(packages, 'react-thing@2.0.0')).toEqual(['react@17.0.2', 'react@18.2.0'])
    expect(pkg(packages, 'react-thing@2.0.0').location.startLine).toBe(46)
    expect(directIds(packages)).toEqual([
      '@scope/lib@1.2.3',
      'dev-tool@3.1.0',
      'react-thing@2.0.0',
      'string-width@4.2.3'
    ])
    expect(pkg(packages, 'from-git@0.3.0')).toMatchObject({
      direct: false,
      purl: 'pkg:npm/from-git@0.3.0'
    })
  })

  it('v9: snapshots, catalogs, optional importers, aliases inside snapshots', () => {
    const {packages} = extractNpmFixture(pnpmLock, 'edge-cases/pnpm-v9/pnpm-lock.yaml')
    expect(ids(packages)).toEqual([
      '@scope/lib@1.2.3',
      'dev-tool@3.1.0',
      'opt@1.0.0',
      'react-thing@2.0.0',
      'react@17.0.2',
      'react@18.2.0',
      'string-width@4.2.3'
    ])
    expect(depsOf(packages, '@scope/lib@1.2.3')).toEqual(['string-width@4.2.3'])
    expect(depsOf(packages, 'react-thing@2.0.0')).toEqual(['react@17.0.2', 'react@18.2.0'])
    expect(depsOf(packages, 'dev-tool@3.1.0')).toEqual(['react-thing@2.0.0'])
    expect(directIds(packages)).toEqual([
      '@scope/lib@1.2.3',
      'dev-tool@3.1.0',
      'opt@1.0.0',
      'react-thing@2.0.0',
      'react@18.2.0',
      'string-width@4.2.3'
    ])
    expect(pkg(packages, 'opt@1.0.0').scope).toBe('optional')
    expect(pkg(packages, 'react@17.0.2').scope).toBe('prod') // packages/a's react-thing variant
    expect(pkg(packages, 'dev-tool@3.1.0').scope).toBe('dev')
    expect(pkg(packages, 'string-width@4.2.3').location.startLine).toBe(69)
  })

  it('two documents (pnpm 11+): the env lockfile and the project lockfile, both read', () => {
    const {packages} = extractNpmFixture(pnpmLock, 'edge-cases/pnpm-v9-env/pnpm-lock.yaml')
    expect(
      packages.map(p => `${p.name}@${p.version} ${p.scope} ${p.direct} :${p.location.startLine}`)
    ).toEqual([
      'lodash@4.17.15 prod true :58',
      'semver@7.6.0 prod true :61',
      '@example/pnpm-plugin@1.2.3 dev true :18',
      'pnpm@12.0.0 dev true :21'
    ])
  })

  it('matches pnpm-lock.yaml only', () => {
    expect(pnpmLock.matches('apps/web/pnpm-lock.yaml')).toBe(true)
    expect(pnpmLock.matches('pnpm-workspace.yaml')).toBe(false)
  })
})

describe('pnpm-lock.yaml bad input', () => {
  const error = (text: string): ExtractError => {
    try {
      pnpmLock.extract({path: 'pnpm-lock.yaml', text, siblings: {}})
    } catch (e) {
      return e as ExtractError
    }
    throw new Error('expected an ExtractError')
  }

  it('truncated YAML names the line', () => {
    const e = error(
      "lockfileVersion: '9.0'\n\npackages:\n\n  'a@1.0.0':\n    resolution: {integrity: sha512-\n"
    )
    expect(e.message).toMatch(/^invalid YAML: /)
    expect(e.line).toBeGreaterThanOrEqual(6)
  })

  it('a second document is an error unless pnpm wrote it (the file starts with ---), a third always', () => {
    const doc = "lockfileVersion: '9.0'\nimporters: {}\n"
    expect(error(`${doc}---\n${doc}`)).toMatchObject({
      message: expect.stringMatching(
        /^expected one YAML document, or two \(pnpm's env lockfile, then the project lockfile\) in a file that starts with '---'; document 2 of 2 starts here$/
      ),
      line: 3
    })
    expect(error(`---\n${doc}---\n${doc}---\n${doc}`)).toMatchObject({
      message: expect.stringContaining('document 3 of 3 starts here'),
      line: 7
    })
    expect(() =>
      pnpmLock.extract({path: 'pnpm-lock.yaml', text: `---\n${doc}---\n${doc}`, siblings: {}})
    ).not.toThrow()
  })

  it('an alias bomb is an error, not a hang', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i)
      const next = String.fromCharCode(97 + i)
      bomb.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`)
    }
    expect(error(`lockfileVersion: '9.0'\n${bomb.join('\n')}\n`).message).toMatch(
      /^invalid YAML: .*alias/i
    )
  })

  it('wrong types name the key', () => {
    expect(error('- 1\n').message).toMatch(/expected a mapping at the top level, got an array/)
    expect(error('lockfileVersion: soon\n').message).toMatch(/lockfileVersion: expected a number/)
    expect(error("lockfileVersion: '9.0'\npackages: [1]\n")).toMatchObject({
      message: 'packages: expected a mapping, got an array',
      line: 2
    })
    expect(error("lockfileVersion: '9.0'\npackages:\n  a@1.0.0: 7\n")).toMatchObject({
      message: 'packages["a@1.0.0"]: expected a mapping, got number 7',
      line: 3
    })
  })
})
