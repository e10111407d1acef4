import {describe, expect, it} from '@jest/globals'
import {fixedVersions, isAffected, rangeAffects, smallestFix, sortEvents} from '../src/match'
import type {OsvRange, OsvRecord} from '../src/osv-schema'
import {VERSION_SCHEMES} from '../src/versions/index'
import {osvRecord} from './osv-fixtures'

const npm = VERSION_SCHEMES.npm
const range = (events: OsvRange['events'], type: OsvRange['type'] = 'ECOSYSTEM'): OsvRange => ({
  type,
  events
})
const affects = (r: OsvRange, versions: string[]): boolean[] =>
  versions.map(v => rangeAffects(r, v, npm))

describe('OSV range evaluation', () => {
  it('introduced "0" + fixed: everything below the fix', () => {
    expect(
      affects(range([{introduced: '0'}, {fixed: '4.17.21'}]), [
        '0.0.1',
        '4.17.20',
        '4.17.21',
        '4.17.22',
        '5.0.0'
      ])
    ).toEqual([true, true, false, false, false])
  })

  it('introduced X: nothing below X, everything from X on without a fix', () => {
    expect(affects(range([{introduced: '1.2.0'}]), ['1.1.9', '1.2.0', '99.0.0'])).toEqual([
      false,
      true,
      true
    ])
  })

  it('last_affected is inclusive', () => {
    expect(
      affects(range([{introduced: '0'}, {last_affected: '2.88.2'}]), ['2.88.1', '2.88.2', '2.88.3'])
    ).toEqual([true, true, false])
  })

  it('limit bounds the range exclusively; "*" is no bound', () => {
    expect(
      affects(range([{introduced: '1.0.0'}, {limit: '1.5.0'}]), [
        '0.9.0',
        '1.0.0',
        '1.4.9',
        '1.5.0',
        '2.0.0'
      ])
    ).toEqual([false, true, true, false, false])
    expect(affects(range([{introduced: '1.0.0'}, {limit: '*'}]), ['2.0.0'])).toEqual([true])
  })

  it('several intervals in one range, events given out of order', () => {
    const r = range([{fixed: '2.5.0'}, {introduced: '2.0.0'}, {fixed: '1.5.0'}, {introduced: '0'}])
    expect(sortEvents(r.events, npm).map(e => Object.values(e)[0])).toEqual([
      '0',
      '1.5.0',
      '2.0.0',
      '2.5.0'
    ])
    expect(affects(r, ['1.0.0', '1.5.0', '1.9.9', '2.0.0', '2.4.9', '2.5.0', '3.0.0'])).toEqual([
      true,
      false,
      false,
      true,
      true,
      false,
      false
    ])
  })

  it('pre-releases order below their release (semver)', () => {
    const r = range([{introduced: '8.0.0-alpha.0'}, {fixed: '8.0.0-alpha.4'}])
    expect(
      affects(r, ['7.99.0', '8.0.0-alpha.0', '8.0.0-alpha.3', '8.0.0-alpha.4', '8.0.0'])
    ).toEqual([false, true, true, false, false])
  })

  it('GIT ranges never match a package version', () => {
    expect(
      affects(
        range([{introduced: '0'}, {fixed: 'a5f9cb52079dc57477c460dbe6ba0f775e14a999'}], 'GIT'),
        ['1.0.0']
      )
    ).toEqual([false])
  })

  it('SEMVER ranges with Go pseudo-versions', () => {
    const r = range([{introduced: '0'}, {fixed: '0.0.0-20220906165146-f3363e06e74c'}], 'SEMVER')
    const go = VERSION_SCHEMES.Go
    expect(rangeAffects(r, 'v0.0.0-20220722155237-a158d28d115b', go)).toBe(true)
    expect(rangeAffects(r, 'v0.0.0-20220906165146-f3363e06e74c', go)).toBe(false)
    expect(rangeAffects(r, 'v0.1.0', go)).toBe(false)
  })
})

describe('matching real records', () => {
  it('npm lodash GHSA-35jh-r3h4-6jhm: 4.17.20 affected, 4.17.21 not; lodash-es too', () => {
    const record = osvRecord('GHSA-35jh-r3h4-6jhm')
    expect(isAffected(record, {ecosystem: 'npm', name: 'lodash', version: '4.17.20'})).toBe(true)
    expect(isAffected(record, {ecosystem: 'npm', name: 'lodash', version: '4.17.21'})).toBe(false)
    expect(isAffected(record, {ecosystem: 'npm', name: 'lodash-es', version: '4.17.15'})).toBe(true)
    expect(isAffected(record, {ecosystem: 'npm', name: 'underscore', version: '1.0.0'})).toBe(false)
    expect(isAffected(record, {ecosystem: 'PyPI', name: 'lodash', version: '4.17.20'})).toBe(false)
  })

  it('npm node-fetch GHSA-r683-j2x4-v87g: the non-semver "1.0" bound is read as 1.0.0', () => {
    const record = osvRecord('GHSA-r683-j2x4-v87g')
    expect(isAffected(record, {ecosystem: 'npm', name: 'node-fetch', version: '2.6.6'})).toBe(true)
    expect(isAffected(record, {ecosystem: 'npm', name: 'node-fetch', version: '2.6.7'})).toBe(true) // still inside 1.0 .. 3.1.1
    expect(isAffected(record, {ecosystem: 'npm', name: 'node-fetch', version: '3.1.1'})).toBe(false)
    expect(smallestFix([record], {ecosystem: 'npm', name: 'node-fetch', version: '2.6.6'})).toBe(
      '3.1.1'
    )
  })

  it('last_affected in a real record (GHSA-p8p7-x288-28g6 request)', () => {
    const record = osvRecord('GHSA-p8p7-x288-28g6')
    expect(isAffected(record, {ecosystem: 'npm', name: 'request', version: '2.88.2'})).toBe(true)
    expect(isAffected(record, {ecosystem: 'npm', name: 'request', version: '2.88.3'})).toBe(false)
    expect(
      smallestFix([record], {ecosystem: 'npm', name: 'request', version: '2.88.2'})
    ).toBeUndefined()
  })

  it('explicit versions[] only (PYSEC-2024-1 gratient 0.5)', () => {
    const record = osvRecord('PYSEC-2024-1')
    expect(isAffected(record, {ecosystem: 'PyPI', name: 'gratient', version: '0.5'})).toBe(true)
    expect(isAffected(record, {ecosystem: 'PyPI', name: 'gratient', version: '0.5.0'})).toBe(true) // PEP 440 equal
    expect(isAffected(record, {ecosystem: 'PyPI', name: 'gratient', version: '0.6'})).toBe(false)
  })

  it('PyPI names match after PEP 503 normalization', () => {
    const record = osvRecord('PYSEC-2021-109')
    expect(isAffected(record, {ecosystem: 'PyPI', name: 'Django', version: '3.2.4'})).toBe(true)
  })

  it('withdrawn records never match (GO-2022-0617, RUSTSEC-2020-0053)', () => {
    expect(
      isAffected(osvRecord('GO-2022-0617'), {
        ecosystem: 'Go',
        name: 'k8s.io/kubernetes',
        version: 'v1.0.0'
      })
    ).toBe(false)
    const dirs = osvRecord('RUSTSEC-2020-0053')
    expect(
      isAffected({...dirs, withdrawn: undefined} as OsvRecord, {
        ecosystem: 'crates.io',
        name: 'dirs',
        version: '1.0.0'
      })
    ).toBe(true)
    expect(isAffected(dirs, {ecosystem: 'crates.io', name: 'dirs', version: '1.0.0'})).toBe(false)
  })

  it('Go stdlib multi-interval ranges (GO-2022-0969)', () => {
    const record = osvRecord('GO-2022-0969')
    const go = (version: string): boolean =>
      isAffected(record, {ecosystem: 'Go', name: 'stdlib', version})
    expect([go('1.18.5'), go('1.18.6'), go('1.19.0'), go('1.19.1')]).toEqual([
      true,
      false,
      true,
      false
    ])
  })

  it('RUSTSEC-2020-0071 time: pre-release 0.0.0-0 bounds and many intervals', () => {
    const record = osvRecord('RUSTSEC-2020-0071')
    const time = (version: string): boolean =>
      isAffected(record, {ecosystem: 'crates.io', name: 'time', version})
    expect([
      time('0.1.43'),
      time('0.2.0'),
      time('0.2.7'),
      time('0.2.22'),
      time('0.2.23'),
      time('0.3.0')
    ]).toEqual([true, false, true, true, false, false])
    expect(smallestFix([record], {ecosystem: 'crates.io', name: 'time', version: '0.2.10'})).toBe(
      '0.2.23'
    )
  })

  it('a record whose ecosystem is not the package ecosystem does not match (GHSA-j8xg-fqg3-53r7 word-wrap)', () => {
    expect(
      isAffected(osvRecord('GHSA-j8xg-fqg3-53r7'), {
        ecosystem: 'npm',
        name: 'word-wrap',
        version: '1.2.3'
      })
    ).toBe(false)
  })

  it('Maven, NuGet, Packagist and RubyGems records match with their own schemes', () => {
    expect(
      isAffected(osvRecord('GHSA-vmfg-rjjm-rjrj'), {
        ecosystem: 'Maven',
        name: 'ch.qos.logback:logback-core',
        version: '1.1.10'
      })
    ).toBe(true)
    expect(
      isAffected(osvRecord('GHSA-vmfg-rjjm-rjrj'), {
        ecosystem: 'Maven',
        name: 'ch.qos.logback:logback-core',
        version: '1.2.0'
      })
    ).toBe(false)
    expect(
      isAffected(osvRecord('GHSA-5crp-9r3c-p9vr'), {
        ecosystem: 'NuGet',
        name: 'newtonsoft.json',
        version: '12.0.3'
      })
    ).toBe(true)
    expect(
      isAffected(osvRecord('GHSA-5crp-9r3c-p9vr'), {
        ecosystem: 'NuGet',
        name: 'Newtonsoft.Json',
        version: '13.0.1'
      })
    ).toBe(false)
    expect(
      isAffected(osvRecord('GHSA-q7rv-6hp3-vh96'), {
        ecosystem: 'Packagist',
        name: 'guzzlehttp/psr7',
        version: 'v1.8.3'
      })
    ).toBe(true)
    expect(
      isAffected(osvRecord('GHSA-q7rv-6hp3-vh96'), {
        ecosystem: 'Packagist',
        name: 'guzzlehttp/psr7',
        version: '1.8.4'
      })
    ).toBe(false)
    expect(
      isAffected(osvRecord('GHSA-22f2-v57c-j9cx'), {
        ecosystem: 'RubyGems',
        name: 'rack',
        version: '2.2.8'
      })
    ).toBe(true)
    expect(
      isAffected(osvRecord('GHSA-22f2-v57c-j9cx'), {
        ecosystem: 'RubyGems',
        name: 'rack',
        version: '2.2.8.1'
      })
    ).toBe(false)
  })

  it('lists fixed versions and picks the smallest upgrade out of the current interval', () => {
    const record = osvRecord('GHSA-gcx4-mw62-g8wm')
    const pkg = {ecosystem: 'npm', name: 'rollup', version: '3.10.0'}
    expect(fixedVersions(record, pkg)).toEqual(['2.79.2', '3.29.5', '4.22.4'])
    expect(smallestFix([record], pkg)).toBe('3.29.5')
  })
})
