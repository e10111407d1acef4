import {describe, expect, it} from '@jest/globals'
import {ExtractError} from '../src/extractor'
import {bunLock} from '../src/extractors/bun-lock'
import {
  depsOf,
  directIds,
  extractNpmFixture,
  extractOnce,
  ids,
  npmFixture,
  pkg
} from './js-fixtures'

/** `"install/path": ["name@version", ...` lines of bun.lock, read without the extractor. */
function identsFromText(text: string): {entries: number; ids: Set<string>} {
  const out = new Set<string>()
  let entries = 0
  for (const match of text.matchAll(/^ {4}"[^"]+": \["((?:@[^@"/]+\/)?[^@"]+)@([^"]+)"/gm)) {
    if (/^(?:workspace|link|file|root):/.test(match[2]!)) continue
    out.add(`${match[1]}@${match[2]}`)
    entries++
  }
  return {entries, ids: out}
}

describe('bun.lock on a real file', () => {
  it('every resolved entry appears exactly once, aliases under the real name', () => {
    const text = npmFixture('hono-bun/bun.lock')
    const {packages} = extractOnce(bunLock, 'hono-bun/bun.lock')
    const expected = identsFromText(text)
    expect(expected.entries).toBeGreaterThan(900)
    expect(ids(packages)).toEqual([...expected.ids].sort())
    expect(new Set(packages.map(p => p.purl)).size).toBe(packages.length)
    expect(packages.some(p => p.name === 'string-width-cjs')).toBe(false)
    const lines = text.split('\n')
    for (const p of packages)
      expect(lines[p.location.startLine - 1]).toContain(`["${p.name}@${p.version}"`)
  })

  it('nested install paths resolve like node_modules; workspace declarations are the direct ones', () => {
    const {packages} = extractOnce(bunLock, 'hono-bun/bun.lock')
    // @babel/highlight has its own chalk 2 under "@babel/highlight/chalk"
    expect(depsOf(packages, '@babel/highlight@7.24.7')).toContain('chalk@2.4.2')
    expect(depsOf(packages, '@isaacs/cliui@8.0.2')).toEqual(
      expect.arrayContaining([
        'string-width@4.2.3',
        'string-width@5.1.2',
        'strip-ansi@6.0.1',
        'strip-ansi@7.1.0'
      ])
    )
    expect(
      packages
        .filter(p => p.direct)
        .map(p => p.name)
        .sort()
    ).toEqual(rootDevDependencies())
    expect(pkg(packages, 'vitest@3.0.5')).toMatchObject({direct: true, scope: 'dev'})
  })
})

/** The root workspace's devDependencies (hono declares nothing else), read with a regex. */
function rootDevDependencies(): string[] {
  const block = /"devDependencies": \{([^}]*)\}/.exec(npmFixture('hono-bun/bun.lock'))![1]!
  return [...block.matchAll(/"([^"]+)":/g)].map(m => m[1]!).sort()
}

describe('bun.lock edge cases (hand-made)', () => {
  it('aliases, scoped packages, nested copies, workspace packages and their own copies', () => {
    const {packages} = extractNpmFixture(bunLock, 'edge-cases/bun/bun.lock')
    expect(ids(packages)).toEqual([
      '@scope/lib@1.2.3',
      'b@1.0.0',
      'b@2.0.0',
      'b@3.0.0',
      'dev-tool@3.1.0',
      'string-width@4.2.3'
    ])
    expect(depsOf(packages, '@scope/lib@1.2.3')).toEqual(['b@2.0.0'])
    expect(depsOf(packages, 'string-width@4.2.3')).toEqual(['b@1.0.0'])
    expect(depsOf(packages, 'dev-tool@3.1.0')).toEqual(['@scope/lib@1.2.3'])
    expect(directIds(packages)).toEqual([
      '@scope/lib@1.2.3',
      'b@3.0.0',
      'dev-tool@3.1.0',
      'string-width@4.2.3'
    ])
    expect(pkg(packages, 'b@2.0.0').scope).toBe('prod')
    expect(pkg(packages, 'dev-tool@3.1.0').scope).toBe('dev')
    expect(pkg(packages, '@scope/lib@1.2.3')).toMatchObject({
      purl: 'pkg:npm/%40scope/lib@1.2.3',
      integrity: 'sha512-bGliCg==',
      location: {startLine: 23}
    })
    expect(pkg(packages, 'b@3.0.0').location.startLine).toBe(35)
  })

  it('matches bun.lock, not the binary bun.lockb', () => {
    expect(bunLock.matches('bun.lock')).toBe(true)
    expect(bunLock.matches('bun.lockb')).toBe(false)
  })
})

describe('bun.lock bad input', () => {
  const error = (source: string): ExtractError => {
    try {
      bunLock.extract({path: 'bun.lock', text: source, siblings: {}})
    } catch (e) {
      return e as ExtractError
    }
    throw new Error('expected an ExtractError')
  }

  it('truncated text names the last line', () => {
    const source = npmFixture('edge-cases/bun/bun.lock')
    const cut = source.slice(0, source.indexOf('"dev-tool": ["'))
    const e = error(cut)
    expect(e.message).toMatch(/unexpected end of file/)
    expect(e.line).toBe(cut.split('\n').length)
  })

  it('wrong types name the entry and line', () => {
    expect(
      error('{"lockfileVersion": 1,\n "packages": {\n  "a": ["a@1.0.0"],\n  "b": "b@1.0.0",\n }}')
    ).toMatchObject({
      message:
        'packages["b"]: expected an array starting with "name@version", got string "b@1.0.0"',
      line: 4
    })
    expect(error('{"packages": {"a": ["a"]}}').message).toMatch(/expected "name@version", got "a"/)
    expect(error('{"packages": [],}').message).toMatch(/packages: expected an object, got an array/)
  })
})
