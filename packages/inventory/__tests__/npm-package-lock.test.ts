import {describe, expect, it} from '@jest/globals'
import {ExtractError} from '../src/extractor'
import {npmPackageLock} from '../src/extractors/npm-package-lock'
import {depsOf, directIds, extractNpmFixture, ids, npmFixture, pkg} from './js-fixtures'

interface LsNode {
  version?: string
  resolved?: string
  dependencies?: Record<string, LsNode>
}

/**
 * npm's own view (`npm ls --all --json --package-lock-only`, stored next to each lockfile): every
 * node as real-name@version with its children. An alias key (string-width-cjs) is mapped to the
 * real name taken from the tarball URL npm prints for it; deduped repeats carry only a version.
 */
function flattenNpmLs(tree: LsNode): {packages: Set<string>; edges: Map<string, Set<string>>} {
  const real = new Map<string, string>()
  const learn = (node: LsNode): void => {
    for (const [key, child] of Object.entries(node.dependencies ?? {})) {
      const m = child.resolved && /\/((?:@[^/]+\/)?[^/]+)\/-\/[^/]+\.tgz$/.exec(child.resolved)
      if (m) real.set(`${key}@${child.version}`, `${m[1]}@${child.version}`)
      learn(child)
    }
  }
  learn(tree)
  const packages = new Set<string>()
  const edges = new Map<string, Set<string>>()
  const walk = (node: LsNode, parent?: string): void => {
    for (const [key, child] of Object.entries(node.dependencies ?? {})) {
      if (!child.version) continue // a missing optional peer: npm ls prints {}
      const id = real.get(`${key}@${child.version}`) ?? `${key}@${child.version}`
      packages.add(id)
      if (parent) {
        if (!edges.has(parent)) edges.set(parent, new Set())
        edges.get(parent)!.add(id)
      }
      walk(child, id)
    }
  }
  walk(tree)
  return {packages, edges}
}

describe('package-lock.json against npm ls', () => {
  for (const version of [1, 2, 3]) {
    const dir = `actions-toolkit-v${version}`
    it(`v${version}: the same name@version set and the same dependency edges as npm ls`, () => {
      const {packages} = extractNpmFixture(npmPackageLock, `${dir}/package-lock.json`)
      const npm = flattenNpmLs(JSON.parse(npmFixture(`${dir}/npm-ls.json`)) as LsNode)
      expect(npm.packages.size).toBeGreaterThan(900)
      expect(ids(packages)).toEqual([...npm.packages].sort())
      // one package per name@version
      expect(new Set(packages.map(p => p.purl)).size).toBe(packages.length)
      for (const p of packages) {
        const id = `${p.name}@${p.version}`
        expect([id, depsOf(packages, id)]).toEqual([id, [...(npm.edges.get(id) ?? [])].sort()])
      }
    })

    it(`v${version}: every package's line is the lockfile key that declares it`, () => {
      const text = npmFixture(`${dir}/package-lock.json`)
      const lines = text.split('\n')
      const {packages} = extractNpmFixture(npmPackageLock, `${dir}/package-lock.json`)
      const lock = JSON.parse(text) as {packages?: Record<string, {name?: string; version: string}>}
      for (const p of packages) {
        const key = /^\s*"([^"]+)": \{$/.exec(lines[p.location.startLine - 1]!)?.[1]
        expect(key).toBeDefined()
        if (lock.packages) {
          const entry = lock.packages[key!]!
          expect(
            `${entry.name ?? key!.slice(key!.lastIndexOf('node_modules/') + 13)}@${entry.version}`
          ).toBe(`${p.name}@${p.version}`)
        } else {
          expect(key).toBe(p.name) // the v1 fixture has no aliases
        }
      }
    })
  }

  it('v3: direct dependencies are the root entry declarations, with npm flags as scopes', () => {
    const {packages} = extractNpmFixture(npmPackageLock, 'actions-toolkit-v3/package-lock.json')
    const lock = JSON.parse(npmFixture('actions-toolkit-v3/package-lock.json')) as {
      packages: Record<string, {dependencies?: object; devDependencies?: object}>
    }
    const declared = [
      ...Object.keys(lock.packages['']!.dependencies!),
      ...Object.keys(lock.packages['']!.devDependencies!)
    ]
    expect(
      packages
        .filter(p => p.direct)
        .map(p => p.name)
        .sort()
    ).toEqual(declared.sort())
    expect(pkg(packages, 'undici@6.18.1').scope).toBe('prod')
    expect(pkg(packages, 'jest@29.6.4').scope).toBe('dev')
    expect(pkg(packages, 'undici@6.18.1').integrity).toMatch(/^sha512-/)
    expect(pkg(packages, 'undici@6.18.1').purl).toBe('pkg:npm/undici@6.18.1')
    expect(pkg(packages, '@actions/core@1.10.1').purl).toBe('pkg:npm/%40actions/core@1.10.1')
  })
})

describe('package-lock.json edge cases (hand-made)', () => {
  it('v3: aliases, nested copies, bundled, links, workspaces and flags', () => {
    const {packages} = extractNpmFixture(npmPackageLock, 'edge-cases/npm-v3/package-lock.json')
    expect(ids(packages)).toEqual([
      '@scope/lib@1.2.3',
      'b@1.0.0',
      'b@2.0.0',
      'b@3.0.0',
      'both@0.1.0',
      'dev-tool@3.1.0',
      'inner@1.0.1',
      'opt@1.0.0',
      'peer-thing@5.0.0',
      'string-width@4.2.3',
      'with-bundle@2.0.0'
    ])
    // the workspace (packages/a, linked as node_modules/ws-a) is the project's own code
    expect(packages.some(p => p.name === 'ws-a')).toBe(false)
    // root declarations plus the workspace's own (b@3 from packages/a/node_modules, both)
    expect(directIds(packages)).toEqual([
      '@scope/lib@1.2.3',
      'b@1.0.0',
      'b@3.0.0',
      'both@0.1.0',
      'dev-tool@3.1.0',
      'opt@1.0.0',
      'string-width@4.2.3',
      'with-bundle@2.0.0'
    ])
    expect(depsOf(packages, '@scope/lib@1.2.3')).toEqual(['b@2.0.0'])
    expect(depsOf(packages, 'string-width@4.2.3')).toEqual(['b@1.0.0'])
    expect(depsOf(packages, 'with-bundle@2.0.0')).toEqual(['inner@1.0.1'])
    expect(depsOf(packages, 'dev-tool@3.1.0')).toEqual(['peer-thing@5.0.0'])
    expect(pkg(packages, 'dev-tool@3.1.0').scope).toBe('dev')
    expect(pkg(packages, 'opt@1.0.0').scope).toBe('optional')
    expect(pkg(packages, 'both@0.1.0').scope).toBe('optional')
    expect(pkg(packages, 'peer-thing@5.0.0').scope).toBe('peer')
    expect(pkg(packages, 'b@1.0.0').scope).toBe('prod')
    const lib = pkg(packages, '@scope/lib@1.2.3')
    expect(lib).toMatchObject({
      purl: 'pkg:npm/%40scope/lib@1.2.3',
      license: 'MIT',
      integrity: 'sha512-bGliCg==',
      location: {path: 'package-lock.json', startLine: 24}
    })
    expect(pkg(packages, 'b@2.0.0').location.startLine).toBe(33)
  })

  it('v1: aliases, nested lookup, git versions, local folders; direct = not required by others without package.json', () => {
    const result = extractNpmFixture(npmPackageLock, 'edge-cases/npm-v1/package-lock.json')
    const {packages} = result
    expect(ids(packages)).toEqual([
      '@scope/lib@1.2.3',
      'b@1.0.0',
      'b@2.0.0',
      'from-git@0123456789abcdef0123456789abcdef01234567',
      'inner@1.0.1',
      'string-width@4.2.3'
    ])
    expect(depsOf(packages, '@scope/lib@1.2.3')).toEqual(['b@2.0.0', 'string-width@4.2.3'])
    expect(depsOf(packages, 'b@2.0.0')).toEqual(['inner@1.0.1'])
    expect(directIds(packages)).toEqual([
      '@scope/lib@1.2.3',
      'b@1.0.0',
      'from-git@0123456789abcdef0123456789abcdef01234567'
    ])
    expect(pkg(packages, 'b@1.0.0').scope).toBe('dev')
    expect(pkg(packages, 'from-git@0123456789abcdef0123456789abcdef01234567').scope).toBe(
      'optional'
    )
    expect(pkg(packages, 'b@2.0.0').location.startLine).toBe(15)
    expect(result.warnings?.join('\n')).toContain('local-thing is a local folder')
  })

  it('v1: with a package.json next to it, direct = what it declares', () => {
    const {packages} = extractNpmFixture(npmPackageLock, 'edge-cases/npm-v1/package-lock.json', {
      'package.json': JSON.stringify({dependencies: {b: '^1.0.0'}})
    })
    expect(directIds(packages)).toEqual(['b@1.0.0'])
  })

  it('matches package-lock.json and npm-shrinkwrap.json only', () => {
    expect(npmPackageLock.matches('a/package-lock.json')).toBe(true)
    expect(npmPackageLock.matches('npm-shrinkwrap.json')).toBe(true)
    expect(npmPackageLock.matches('package.json')).toBe(false)
    expect(npmPackageLock.matches('my-package-lock.json')).toBe(false)
  })

  it('reads npm-shrinkwrap.json like a lockfile', () => {
    const text = npmFixture('edge-cases/npm-v3/package-lock.json')
    const {packages} = npmPackageLock.extract({path: 'npm-shrinkwrap.json', text, siblings: {}})
    expect(packages).toHaveLength(11)
    expect(packages[0]!.location.path).toBe('npm-shrinkwrap.json')
  })
})

describe('package-lock.json bad input', () => {
  const extract = (text: string) => () =>
    npmPackageLock.extract({path: 'package-lock.json', text, siblings: {}})
  const error = (text: string): ExtractError => {
    try {
      extract(text)()
    } catch (e) {
      return e as ExtractError
    }
    throw new Error('expected an ExtractError')
  }

  it('truncated JSON names the line and says the file ends early', () => {
    const text = npmFixture('edge-cases/npm-v3/package-lock.json')
    const cut = text.slice(0, text.indexOf('"node_modules/opt"'))
    const e = error(cut)
    expect(e).toBeInstanceOf(ExtractError)
    expect(e.message).toMatch(/unexpected end of file/)
    expect(e.line).toBe(cut.split('\n').length)
  })

  it('a syntax error in the middle names its line and what was expected', () => {
    const e = error(
      '{\n  "lockfileVersion": 3,\n  "packages": {\n    "": {}\n    "node_modules/a": {}\n  }\n}\n'
    )
    expect(e.line).toBe(5)
    expect(e.message).toBe(`invalid JSON: expected ',' or '}', found "\\""`)
  })

  it('wrong types name the key and the expected type', () => {
    expect(error('[]').message).toMatch(/expected a JSON object at the top level, got an array/)
    expect(error('{"lockfileVersion": "3", "packages": {}}').message).toMatch(
      /lockfileVersion: expected a number/
    )
    expect(error('{"lockfileVersion": 3, "packages": []}').message).toMatch(
      /packages: expected an object, got an array/
    )
    const e = error('{\n"lockfileVersion": 3,\n"packages": {\n"node_modules/a": {"version": 3}\n}}')
    expect(e.message).toBe(
      'packages["node_modules/a"].version: expected a version string, got number 3'
    )
    expect(e.line).toBe(4)
    expect(error('{"lockfileVersion": 1, "dependencies": {"a": "1.0.0"}}').message).toMatch(
      /dependencies\["a"\]: expected an object, got string/
    )
    expect(error('{"lockfileVersion": 3}').message).toMatch(/expected a "packages" object/)
  })

  it('an empty lockfile (no dependencies) yields no packages and no error', () => {
    expect(
      npmPackageLock.extract({
        path: 'package-lock.json',
        text: '{"lockfileVersion": 3, "packages": {"": {}}}',
        siblings: {}
      }).packages
    ).toEqual([])
  })
})
