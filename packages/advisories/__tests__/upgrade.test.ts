import {describe, expect, it} from '@jest/globals'
import {reportRows} from '@pipeguard/core'
import type {Package} from '@pipeguard/inventory'
import {vulnerabilityFindings} from '../src/audit'
import {isAffected} from '../src/match'
import {consolidatedUpgrade, releaseLine} from '../src/upgrade'
import {allOsvTexts, osvRecord} from './osv-fixtures'

/** Every real OSV record of the fixtures (github/advisory-database, pypa/advisory-database ...). */
const RECORDS = [...allOsvTexts().keys()].map(osvRecord)

const pkg = (ecosystem: Package['ecosystem'], name: string, version: string): Package => ({
  ecosystem,
  name,
  version,
  purl: `pkg:${ecosystem.toLowerCase()}/${name}@${version}`,
  direct: true,
  pinned: true,
  scope: 'prod',
  dependencies: [],
  location: {path: 'requirements.txt', startLine: 1}
})

const affecting = (p: Package) => RECORDS.filter(r => isAffected(r, p))

describe('consolidatedUpgrade on real OSV records', () => {
  it('django 3.2.0: 25 advisories, one row, 3.2.25 fixes them all', () => {
    const django = pkg('PyPI', 'django', '3.2.0')
    const findings = vulnerabilityFindings([django], [RECORDS])
    expect(findings).toHaveLength(25)
    for (const f of findings)
      expect(f.upgrade).toEqual({kind: 'fix', version: '3.2.25', text: 'Upgrade django to 3.2.25.'})
    const rows = reportRows(findings)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.members).toHaveLength(25)
    // The PYSEC records carry no CVSS vector: each counts as deps.unknown-severity (high), the row too.
    expect(rows[0]!.severity).toBe('high')
    expect(rows[0]!.remediation).toBe('Upgrade django to 3.2.25.')
    // Alone, the 25 findings name 20 different versions to upgrade to: the reason for one row.
    expect(new Set(findings.map(f => f.properties!.fixVersion)).size).toBe(20)
  })

  it('says when only a new major release fixes them (django 1.11.0, PYSEC-2021-98)', () => {
    const django = pkg('PyPI', 'django', '1.11.0')
    expect(
      consolidatedUpgrade(affecting(django), django, {direct: true, path: ['django']})
    ).toEqual({
      kind: 'major',
      version: '2.2.24',
      text: 'Upgrade django to 2.2.24 (major upgrade needed: no 1.x release fixes them all).'
    })
  })

  it('says when no release fixes them (babel-traverse, GHSA-67hx-6x53-jw92 has no fix)', () => {
    const traverse = {...pkg('npm', 'babel-traverse', '6.26.0'), direct: false}
    const upgrade = consolidatedUpgrade(affecting(traverse), traverse, {
      direct: false,
      path: ['babel-core', 'babel-traverse']
    })
    expect(upgrade.kind).toBe('none')
    expect(upgrade.version).toBeUndefined()
    expect(upgrade.text).toBe(
      'No release of babel-traverse fixes every advisory yet: remove or replace babel-traverse, or ignore each advisory with a reason and an expiry date. It comes in through babel-core > babel-traverse: upgrade babel-core to a release that requires it, or pin babel-traverse with an override (npm overrides, yarn resolutions).'
    )
  })

  it('is one upgrade per file: the same version in two lockfiles gives two rows', () => {
    const a = pkg('PyPI', 'django', '3.2.0')
    const b = {...a, location: {path: 'svc/requirements.txt', startLine: 4}}
    const rows = reportRows(vulnerabilityFindings([a, b], [RECORDS, RECORDS]))
    expect(rows.map(r => [r.location.path, r.members?.length])).toEqual([
      ['requirements.txt', 25],
      ['svc/requirements.txt', 25]
    ])
  })
})

describe('releaseLine', () => {
  it('is the major version, or 0.minor where semver breaks at every minor', () => {
    expect(releaseLine('PyPI', '3.2.0')).toBe('3')
    expect(releaseLine('PyPI', '1!2.0')).toBe('1!2')
    expect(releaseLine('npm', '0.21.4')).toBe('0.21')
    expect(releaseLine('crates.io', '0.2.14')).toBe('0.2')
    expect(releaseLine('PyPI', '0.9.1')).toBe('0')
    expect(releaseLine('Go', 'v1.4.2')).toBe('1')
    expect(releaseLine('Maven', '2.13.4.2')).toBe('2')
  })

  it('compares 0.x lines: 0.21.4 to 0.22.0 leaves the line, 0.21.4 to 0.21.5 does not', () => {
    expect(releaseLine('npm', '0.22.0')).not.toBe(releaseLine('npm', '0.21.4'))
    expect(releaseLine('npm', '0.21.5')).toBe(releaseLine('npm', '0.21.4'))
  })
})
