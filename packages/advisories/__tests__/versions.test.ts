import {describe, expect, it} from '@jest/globals'
import {VERSION_SCHEMES, schemeFor, type VersionScheme} from '../src/versions/index'
import {normalizeComposerVersion} from '../src/versions/packagist'

/** Each list is strictly ascending; every pair must compare in list order, both ways. */
function expectAscending(scheme: VersionScheme, versions: string[]): void {
  for (let i = 0; i < versions.length; i++) {
    for (let j = 0; j < versions.length; j++) {
      const got = Math.sign(scheme.compare(versions[i]!, versions[j]!))
      if (got !== Math.sign(i - j))
        throw new Error(
          `${scheme.ecosystem}: compare(${versions[i]}, ${versions[j]}) = ${got}, expected ${Math.sign(i - j)}`
        )
    }
  }
}

function expectEqual(scheme: VersionScheme, pairs: Array<[string, string]>): void {
  for (const [a, b] of pairs) expect([a, b, scheme.compare(a, b)]).toEqual([a, b, 0])
}

describe('version schemes', () => {
  it('has one scheme per inventory ecosystem and none for foreign ones', () => {
    expect(Object.keys(VERSION_SCHEMES).sort()).toEqual(
      [
        'Go',
        'Hex',
        'Maven',
        'NuGet',
        'Packagist',
        'Pub',
        'PyPI',
        'RubyGems',
        'crates.io',
        'npm'
      ].sort()
    )
    expect(schemeFor('Debian:11')).toBeUndefined()
    for (const name of ['constructor', 'toString', '__proto__'])
      expect(schemeFor(name)).toBeUndefined()
  })

  // semver.org §11: 1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-alpha.beta < 1.0.0-beta < 1.0.0-beta.2 < 1.0.0-beta.11 < 1.0.0-rc.1 < 1.0.0
  it('npm: semver.org §11 precedence with pre-releases (node-semver)', () => {
    const npm = VERSION_SCHEMES.npm
    expectAscending(npm, [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '2.0.0',
      '2.1.0',
      '2.1.1',
      '10.0.0'
    ])
    expectEqual(npm, [['1.0.0+build.1', '1.0.0+build.2']])
    // advisories write short forms ("1.0" in GHSA-r683-j2x4-v87g); they mean 1.0.0
    expectEqual(npm, [['1.0', '1.0.0']])
    expect(npm.isValid('1.2.3')).toBe(true)
    expect(npm.isValid('not-a-version')).toBe(false)
    expect(npm.compare('0.0.1', 'garbage')).toBeGreaterThan(0)
  })

  // PEP 440 "Summary of permitted suffixes and relative ordering":
  // 1.dev0 < 1.0.dev456 < 1.0a1 < 1.0a2.dev456 < 1.0a12.dev456 < 1.0a12 < 1.0b1.dev456 < 1.0b2 < 1.0b2.post345.dev456
  // < 1.0b2.post345 < 1.0rc1.dev456 < 1.0rc1 < 1.0 < 1.0+abc.5 < 1.0+abc.7 < 1.0+5 < 1.0.post456.dev34 < 1.0.post456 < 1.0.15 < 1.1.dev1
  it('PyPI: PEP 440 ordering incl. epochs and local versions', () => {
    const pypi = VERSION_SCHEMES.PyPI
    expectAscending(pypi, [
      '1.dev0',
      '1.0.dev456',
      '1.0a1',
      '1.0a2.dev456',
      '1.0a12.dev456',
      '1.0a12',
      '1.0b1.dev456',
      '1.0b2',
      '1.0b2.post345.dev456',
      '1.0b2.post345',
      '1.0rc1.dev456',
      '1.0rc1',
      '1.0',
      '1.0+abc.5',
      '1.0+abc.7',
      '1.0+5',
      '1.0.post456.dev34',
      '1.0.post456',
      '1.0.15',
      '1.1.dev1'
    ])
    // PEP 440 "Version epochs": 2013.10 < 2014.04 < 1!1.0 < 1!1.1 < 1!2.0
    expectAscending(pypi, ['2013.10', '2014.04', '1!1.0', '1!1.1', '1!2.0'])
    // PEP 440 normalization: 1.0 == 1.0.0, 1.0-alpha1 == 1.0a1, v1.0 == 1.0
    expectEqual(pypi, [
      ['1.0', '1.0.0'],
      ['1.0-alpha1', '1.0a1'],
      ['v1.0', '1.0'],
      ['1.0c1', '1.0rc1']
    ])
    expect(pypi.isValid('1.0.0')).toBe(true)
    expect(pypi.isValid('1.0-foo-bar')).toBe(false)
  })

  // PEP 503: names are compared after lower-casing and collapsing runs of -, _ and . into one -
  it('PyPI: PEP 503 name normalization', () => {
    const pypi = VERSION_SCHEMES.PyPI
    expect(
      ['Django', 'zope.interface', 'Zope_Interface', 'ZOPE--interface', 'friendly-bard'].map(
        pypi.normalizeName
      )
    ).toEqual(['django', 'zope-interface', 'zope-interface', 'zope-interface', 'friendly-bard'])
  })

  // go.dev/ref/mod#versions and #pseudo-versions: v0.0.0-2019... < v1.0.0-pre < v1.0.0-pre.0.2019... < v1.0.0
  // < v1.0.1-0.2019... < v1.0.1; +incompatible is build metadata
  it('Go: v prefix, pseudo-versions by time, +incompatible ignored', () => {
    const go = VERSION_SCHEMES.Go
    expectAscending(go, [
      'v0.0.0-20180917221912-90fa682c2a6e',
      'v0.0.0-20191109021931-daa7c04131f5',
      'v1.0.0-pre',
      'v1.0.0-pre.0.20200101000000-abcdefabcdef',
      'v1.0.0',
      'v1.0.1-0.20200101000000-abcdefabcdef',
      'v1.0.1',
      'v2.0.0+incompatible',
      'v2.1.0+incompatible'
    ])
    expectEqual(go, [
      ['v2.0.0+incompatible', '2.0.0'],
      ['v1.2.3', '1.2.3'],
      ['go1.21.0', '1.21.0']
    ])
    expect(go.isValid('v1.2.3')).toBe(true)
    expect(go.isValid('latest')).toBe(false)
  })

  // doc.rust-lang.org/cargo/reference/semver.html: SemVer 2.0 precedence, build metadata ignored
  it('crates.io: SemVer precedence and canonical crate names', () => {
    const cargo = VERSION_SCHEMES['crates.io']
    expectAscending(cargo, ['0.0.0-0', '0.1.0', '0.9.9', '0.10.0', '1.0.0-alpha', '1.0.0'])
    expectEqual(cargo, [['1.0.0+a', '1.0.0+b']])
    expect(cargo.normalizeName('Serde_JSON')).toBe(cargo.normalizeName('serde-json'))
  })

  // guides.rubygems.org/patterns/#prerelease-gems and Gem::Version docs: "1.0.a" < "1.0.b" < "1.0" ;
  // a letter makes a prerelease; trailing zeros do not count; 4-segment versions (2.2.8.1)
  it('RubyGems: Gem::Version segments and prerelease letters', () => {
    const gems = VERSION_SCHEMES.RubyGems
    expectAscending(gems, [
      '1.0.a',
      '1.0.a.2',
      '1.0.b1',
      '1.0.rc1',
      '1.0',
      '1.0.1',
      '2.2.8',
      '2.2.8.1',
      '2.2.9',
      '6.1.7',
      '6.1.7.1',
      '6.1.7.10',
      '10.0'
    ])
    expectEqual(gems, [
      ['1.0', '1.0.0'],
      ['1', '1.0.0.0'],
      ['1.0.a', '1.a'],
      ['1.0-rc1', '1.0.pre.rc1']
    ])
    expect(gems.isValid('1.0.0.rc1')).toBe(true)
    expect(gems.isValid('1..0')).toBe(false)
  })

  // getcomposer.org/doc/04-schema.md#version and composer/semver: dev < alpha < beta < RC < stable < patch;
  // a leading v is ignored; 1.0 == 1.0.0.0
  it('Packagist: composer normalization and stability order', () => {
    const composer = VERSION_SCHEMES.Packagist
    expectAscending(composer, [
      '1.0.0-dev',
      '1.0.0-alpha1',
      '1.0.0-alpha2',
      '1.0.0-beta1',
      '1.0.0-beta.2',
      '1.0.0-RC1',
      '1.0.0',
      '1.0.0-patch1',
      '1.0.0-p2',
      '1.0.1',
      '1.10.0',
      'v2.0.0'
    ])
    expectEqual(composer, [
      ['v1.2.3', '1.2.3'],
      ['1.0', '1.0.0.0'],
      ['1.0.0-rc1', '1.0.0-RC1'],
      ['1.0.0-a1', '1.0.0-alpha1'],
      ['2.0.0-stable', '2.0.0']
    ])
    expect(normalizeComposerVersion('v1.2')).toBe('1.2.0.0')
    expect(normalizeComposerVersion('1.0.0-beta.2')).toBe('1.0.0.0-beta2')
    expect(normalizeComposerVersion('1.0.0-pl3')).toBe('1.0.0.0-patch3')
    expect(normalizeComposerVersion('dev-main')).toBe('dev-main')
    expect(composer.isValid('not a version')).toBe(false)
    expect(composer.normalizeName('GuzzleHttp/Psr7')).toBe('guzzlehttp/psr7')
  })

  // maven.apache.org/pom.html#version-order-specification and ComparableVersionTest (VERSIONS_QUALIFIER, VERSIONS_NUMBER)
  it('Maven: ComparableVersion qualifier and number order', () => {
    const maven = VERSION_SCHEMES.Maven
    expectAscending(maven, [
      '1-alpha2snapshot',
      '1-alpha2',
      '1-alpha-123',
      '1-beta-2',
      '1-beta123',
      '1-m2',
      '1-m11',
      '1-rc',
      '1-cr2',
      '1-rc123',
      '1-SNAPSHOT',
      '1',
      '1-sp',
      '1-sp2',
      '1-sp123',
      '1-abc',
      '1-def',
      '1-pom-1',
      '1-1-snapshot',
      '1-1',
      '1-2',
      '1-123'
    ])
    expectAscending(maven, [
      '2.0',
      '2-1',
      '2.0.a',
      '2.0.0.a',
      '2.0.2',
      '2.0.123',
      '2.1.0',
      '2.1-a',
      '2.1b',
      '2.1-c',
      '2.1-1',
      '2.1.0.1',
      '2.2',
      '2.123',
      '11.a2',
      '11.a11',
      '11.b2',
      '11.b11',
      '11.m2',
      '11.m11',
      '11',
      '11.a',
      '11b',
      '11c',
      '11m'
    ])
    // pom.html: "1" = "1.0" = "1.0.0"; ga/final/release are the release; cr = rc; case-insensitive
    expectEqual(maven, [
      ['1', '1.0.0'],
      ['1-ga', '1'],
      ['1.0-final', '1'],
      ['1-release', '1.0'],
      ['1-cr1', '1-rc1'],
      ['1.0-RC1', '1.0-rc1'],
      ['1a1', '1-alpha-1'],
      ['1.0-alpha', '1-alpha']
    ])
    expect(maven.isValid('')).toBe(false)
  })

  // learn.microsoft.com/nuget/concepts/package-versioning: 4-part versions, SemVer 2.0 pre-release labels
  // compared case-insensitively, metadata ignored; 1.0 == 1.0.0 == 1.0.0.0
  it('NuGet: four parts, case-insensitive pre-releases', () => {
    const nuget = VERSION_SCHEMES.NuGet
    expectAscending(nuget, [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-beta',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.0.1',
      '1.0.1',
      '13.0.1',
      '13.0.3'
    ])
    expectEqual(nuget, [
      ['1.0', '1.0.0.0'],
      ['1.0.0-BETA', '1.0.0-beta'],
      ['1.0.0+abc', '1.0.0']
    ])
    expect(nuget.normalizeName('Newtonsoft.Json')).toBe(nuget.normalizeName('newtonsoft.json'))
    expect(nuget.isValid('1.2.3.4.5')).toBe(false)
  })

  // dart.dev/tools/pub/versioning and pub_semver Version.compareTo: build metadata orders (1.0.0 < 1.0.0+1 < 1.0.0+2)
  it('Pub: semver where build metadata counts', () => {
    const pub = VERSION_SCHEMES.Pub
    expectAscending(pub, ['1.0.0-dev', '1.0.0', '1.0.0+1', '1.0.0+2', '1.0.1'])
    expect(pub.isValid('1.0.0+build.3')).toBe(true)
  })

  // hexdocs.pm/elixir/Version.html: SemVer 2.0; build information is ignored when comparing
  it('Hex: Elixir Version (SemVer 2.0, build ignored)', () => {
    const hex = VERSION_SCHEMES.Hex
    expectAscending(hex, ['1.0.0-rc.0', '1.0.0-rc.1', '1.0.0', '1.2.3'])
    expectEqual(hex, [['1.0.0+build', '1.0.0']])
    expect(hex.isValid('1.0')).toBe(false)
  })
})
