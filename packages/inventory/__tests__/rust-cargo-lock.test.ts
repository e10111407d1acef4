import {describe, expect, it} from '@jest/globals'
import {rustCargoLock} from '../src/extractors/rust-cargo-lock'
import {
  byName,
  extractError,
  extractFixture,
  fixture,
  linesMatching,
  withConflict
} from './ecosystem-fixtures'

describe('rust/cargo-lock', () => {
  const path = 'crates.io/ripgrep/Cargo.lock'

  it('matches Cargo.lock only', () => {
    expect(rustCargoLock.matches('Cargo.lock')).toBe(true)
    expect(rustCargoLock.matches('crates/x/Cargo.lock')).toBe(true)
    expect(rustCargoLock.matches('Cargo.toml')).toBe(false)
    expect(rustCargoLock.matches('cargo.lock')).toBe(false)
  })

  it('reads the real ripgrep Cargo.lock (v1 + workspace members)', () => {
    const text = fixture(path)
    const {packages} = extractFixture(rustCargoLock, path)
    const registry = linesMatching(text, /^source = "registry\+/).length
    expect(packages).toHaveLength(registry)
    expect(packages.some(p => p.name === 'ripgrep' || p.name === 'grep-searcher')).toBe(false)
    expect(byName(packages, 'regex')).toMatchObject({
      version: '1.5.4',
      purl: 'pkg:cargo/regex@1.5.4',
      direct: true,
      scope: 'prod',
      integrity: 'd07a8629359eb56f1e2fb1652bb04212c072a87ba68546a04065d525673ac461',
      location: {path, startLine: 421}
    })
    expect(byName(packages, 'regex').dependencies).toEqual([
      `pkg:cargo/aho-corasick@${byName(packages, 'aho-corasick').version}`,
      `pkg:cargo/memchr@${byName(packages, 'memchr').version}`,
      `pkg:cargo/regex-syntax@${byName(packages, 'regex-syntax').version}`
    ])
    // ripgrep's [dev-dependencies] (serde, serde_derive, walkdir) are also pulled in by member crates
    // (grep-printer, ignore): prod, not dev
    expect(byName(packages, 'serde_derive')).toMatchObject({
      direct: true,
      scope: 'prod',
      location: {startLine: 488}
    })
    expect(byName(packages, 'walkdir')).toMatchObject({direct: true, scope: 'prod'})
    expect(byName(packages, 'winapi')).toMatchObject({
      direct: false,
      scope: 'prod',
      location: {startLine: 577}
    })
    const first = byName(packages, 'aho-corasick')
    expect(first.location.startLine).toBe(3)
  })

  it('reads the v1 format: metadata checksums and `name version (source)` dependencies', () => {
    const {packages} = extractFixture(rustCargoLock, 'crates.io/edge-v1/Cargo.lock')
    expect(
      packages.map(p => `${p.name}@${p.version}:${p.scope}:${p.direct}:${p.location.startLine}`)
    ).toEqual([
      'getrandom@0.1.16:dev:false:11',
      'rand@0.7.3:dev:true:16',
      'serde@1.0.130:prod:true:24'
    ])
    expect(byName(packages, 'rand')).toMatchObject({
      integrity: '6a6b1679d49b24bbfe0c803429aa1874472f50d9b363131f0e89fc356b544d03',
      dependencies: ['pkg:cargo/getrandom@0.1.16']
    })
  })

  it('reads a v4 workspace: git sources, `name version` disambiguation, path members skipped', () => {
    const {packages} = extractFixture(rustCargoLock, 'crates.io/edge-v3/Cargo.lock')
    expect(packages.map(p => `${p.name}@${p.version}:${p.direct}`)).toEqual([
      'my-fork@0.3.0:true',
      'pin-project-lite@0.2.15:false',
      'syn@1.0.109:true',
      'syn@2.0.87:true',
      'tokio@1.41.1:true'
    ])
    expect(byName(packages, 'my-fork').integrity).toBeUndefined()
    expect(byName(packages, 'tokio').dependencies).toEqual(['pkg:cargo/pin-project-lite@0.2.15'])
  })

  it('rejects ambiguous dependencies, wrong types, truncation and conflicts', () => {
    const text = fixture('crates.io/edge-v3/Cargo.lock')
    const ambiguous = text.replace('"syn 1.0.109",', '"syn",')
    expect(extractError(rustCargoLock, ambiguous)).toMatchObject({
      message: "package lib 0.1.0: dependency 'syn' is not in the lockfile",
      line: 14
    })
    expect(
      extractError(rustCargoLock, 'version = 3\n[[package]]\nname = "a"\nversion = 1\n').message
    ).toMatch(/^unexpected content at key 'package.0.version'/)
    expect(
      extractError(rustCargoLock, text.slice(0, text.indexOf('[[package]]\nname = "syn"') + 20))
        .message
    ).toMatch(/^invalid TOML \(column \d+\): unfinished string$/)
    expect(extractError(rustCargoLock, withConflict(fixture(path), 20))).toMatchObject({
      message: expect.stringMatching(/^unresolved git merge conflict marker/),
      line: 21
    })
  })
})
