import {describe, expect, it} from '@jest/globals'
import {defaultConfig, type Config} from '../src/config-schema'
import {createFinding, type Finding} from '../src/finding'
import {applyPolicy} from '../src/policy'
import type {Severity} from '../src/severity'

function finding(ruleId: string, severity: Severity, path = 'a.tf'): Finding {
  return createFinding({
    scanner: 'iac',
    ruleId,
    severity,
    title: ruleId,
    message: ruleId,
    path,
    startLine: 1,
    fingerprintContent: `${ruleId}${path}`
  })
}

const config = (over: Partial<Config> = {}): Config => ({...defaultConfig(), ...over})

describe('policy', () => {
  it('blocks only at or above fail-on', () => {
    const result = applyPolicy({
      findings: [finding('a', 'medium'), finding('b', 'high')],
      config: config()
    })
    expect(result.blocking.map(f => f.ruleId)).toEqual(['b'])
    expect(result.exitCode).toBe(1)
    expect(applyPolicy({findings: [finding('a', 'medium')], config: config()}).exitCode).toBe(0)
  })

  it('reports a finding in test, docs, example or vendored code as new but does not block on it unless secrets.block-contexts lists the context', () => {
    const inTest = {...finding('a', 'critical', 'tests/a.py'), context: 'test' as const}
    const inDocs = {...finding('b', 'critical', 'docs/b.md'), context: 'docs' as const}
    const plain = finding('c', 'critical')
    const result = applyPolicy({findings: [inTest, inDocs, plain], config: config()})
    expect(result.findings.map(f => f.status)).toEqual(['new', 'new', 'new'])
    expect(result.blocking.map(f => f.ruleId)).toEqual(['c'])
    const strict = applyPolicy({
      findings: [inTest, inDocs],
      config: config({secrets: {...defaultConfig().secrets, blockContexts: ['test']}})
    })
    expect(strict.blocking.map(f => f.ruleId)).toEqual(['a'])
    expect(strict.exitCode).toBe(1)
  })

  it('never blocks with fail-on none or in audit mode, but still reports', () => {
    const findings = [finding('a', 'critical')]
    expect(applyPolicy({findings, config: config({failOn: 'none'})}).exitCode).toBe(0)
    const audit = applyPolicy({findings, config: config({mode: 'audit'})})
    expect(audit.exitCode).toBe(0)
    expect(audit.findings).toHaveLength(1)
    expect(audit.findings[0]!.status).toBe('new')
  })

  it('applies ignores by rule and path glob with their reason', () => {
    const result = applyPolicy({
      findings: [
        finding('a', 'high', 'test/x.tf'),
        finding('a', 'high', 'src/x.tf'),
        finding('b', 'high', 'test/y.tf')
      ],
      config: config({ignore: [{rule: 'a', path: 'test/**', reason: 'fixtures'}]})
    })
    expect(result.findings.map(f => f.status)).toEqual(['ignored', 'new', 'new'])
    expect(result.findings[0]!.suppression).toBe('fixtures')
  })

  it('stops applying an expired ignore and says so', () => {
    const result = applyPolicy({
      findings: [finding('a', 'high')],
      config: config({ignore: [{rule: 'a', reason: 'temporary', expires: '2026-01-01'}]}),
      today: '2026-02-01'
    })
    expect(result.findings[0]!.status).toBe('new')
    expect(result.exitCode).toBe(1)
    expect(result.expiredIgnores[0]!.message).toBe(
      'ignore rule a expired on 2026-01-01 and no longer hides 1 finding(s): renew it with a new reason or fix the findings'
    )
  })

  it('keeps an ignore on its expiry day', () => {
    const result = applyPolicy({
      findings: [finding('a', 'high')],
      config: config({ignore: [{rule: 'a', reason: 'r', expires: '2026-02-01'}]}),
      today: '2026-02-01'
    })
    expect(result.findings[0]!.status).toBe('ignored')
  })

  it('matches dependency ignores by advisory alias', () => {
    const f = {
      ...finding('GHSA-1', 'high'),
      vulnerability: {id: 'GHSA-1', aliases: ['CVE-2020-1'], fixedVersions: []}
    }
    const result = applyPolicy({
      findings: [f],
      config: config({ignore: [{rule: 'cve-2020-1', reason: 'not reachable'}]})
    })
    expect(result.findings[0]!.status).toBe('ignored')
  })

  it('reports baseline findings as existing and never blocks on them', () => {
    const known = finding('a', 'critical')
    const result = applyPolicy({
      findings: [known, finding('b', 'critical')],
      config: config(),
      baseline: new Set([known.fingerprint])
    })
    expect(result.findings.map(f => f.status)).toEqual(['existing', 'new'])
    expect(result.blocking.map(f => f.ruleId)).toEqual(['b'])
  })

  it('does not block on findings outside the diff scope', () => {
    const result = applyPolicy({
      findings: [finding('a', 'critical')],
      config: config(),
      inScope: () => false
    })
    expect(result.findings[0]!.status).toBe('filtered')
    expect(result.exitCode).toBe(0)
  })

  it('a copy the change touched puts a collapsed finding in scope, shown at that copy', () => {
    const copies = {
      ...finding('open-sg', 'high', 'old/sg.tf'),
      block: {startLine: 1, endLine: 9},
      relatedLocations: [
        {path: 'other/sg.tf', startLine: 3, endLine: 3},
        {path: 'new/sg.tf', startLine: 3, endLine: 3}
      ]
    }
    const touched = applyPolicy({
      findings: [copies],
      config: config(),
      inScope: f => f.location.path === 'new/sg.tf' && f.block === undefined
    })
    expect(touched.findings[0]).toMatchObject({
      status: 'new',
      location: {path: 'new/sg.tf', startLine: 3},
      relatedLocations: [
        {path: 'old/sg.tf', startLine: 1},
        {path: 'other/sg.tf', startLine: 3}
      ]
    })
    expect(touched.exitCode).toBe(1)
    const untouched = applyPolicy({findings: [copies], config: config(), inScope: () => false})
    expect(untouched.findings[0]).toMatchObject({status: 'filtered', location: {path: 'old/sg.tf'}})
    expect(untouched.exitCode).toBe(0)
  })
})
