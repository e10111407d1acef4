import {describe, expect, it} from '@jest/globals'
import {createFinding, type Finding} from '../src/finding'
import {withChange} from '../src/finding-change'
import {runCommentSections} from '../src/github/change-sections'
import {renderCommentBody} from '../src/github/comment'
import type {RowContext} from '../src/github/markdown'
import type {Severity} from '../src/severity'

const head = {serverUrl: 'https://github.com', owner: 'acme', repo: 'app', sha: 'a'.repeat(40)}
const rows: RowContext = {github: head, repoFile: path => path}
const baseRows: RowContext = {
  github: {...head, sha: 'b'.repeat(40)},
  repoFile: path => path
}

const dependency = (name: string, severity: Severity, status: Finding['status']): Finding =>
  createFinding({
    scanner: 'dependencies',
    ruleId: `GHSA-${name}`,
    severity,
    title: 'Title',
    message: `${name} is vulnerable`,
    path: 'package-lock.json',
    startLine: 4,
    package: {ecosystem: 'npm', name, version: '1.0.0'},
    vulnerability: {id: `GHSA-${name}`, aliases: [], fixedVersions: []},
    fingerprintContent: name,
    status
  })

describe('comment sections by pull-request change', () => {
  const low = withChange(dependency('low-new', 'low', 'new'), 'introduced')
  const critical = withChange(dependency('crit-new', 'critical', 'new'), 'introduced')
  const present = withChange(dependency('kept', 'high', 'existing'), 'present')
  const fixed = withChange(dependency('gone', 'critical', undefined), 'fixed')
  const sections = runCommentSections({
    title: 'Dependency audit',
    findings: [low, critical, present],
    actionable: [low, critical],
    blocking: new Set([critical]),
    resolved: [fixed],
    baseRows
  })

  it('splits a change-tracking run into introduced (blocking first), fixed and still present', () => {
    expect(sections.map(s => [s.title, s.findings.map(f => f.ruleId)])).toEqual([
      ['Dependency audit: introduced by this pull request', ['GHSA-crit-new', 'GHSA-low-new']],
      ['Dependency audit: fixed by this pull request', ['GHSA-gone']],
      ['Dependency audit: still present (already on the base branch)', ['GHSA-kept']]
    ])
    expect(sections[0]!.description).toBe('1 of 2 block this pull request.')
  })

  it('renders fixed rows linked to the base commit and leaves them out of the severity counts', () => {
    const {body} = renderCommentBody({
      markerId: 'dependency-audit',
      heading: 'Dependency audit',
      verdict: 'verdict',
      sections,
      notes: [],
      rows
    })
    expect(body).toContain('🟥 1 critical · 🟧 1 high · 🟦 1 low')
    const fixedSection = body.slice(body.indexOf('fixed by this pull request'))
    expect(fixedSection).toContain(`/blob/${'b'.repeat(40)}/package-lock.json#L4`)
    expect(body.slice(0, body.indexOf('fixed by this pull request'))).toContain(
      `/blob/${'a'.repeat(40)}/package-lock.json#L4`
    )
  })

  it('keeps one section of actionable findings for a run without change information', () => {
    const plain = dependency('plain', 'high', 'new')
    const existing = dependency('old', 'high', 'existing')
    expect(
      runCommentSections({
        title: 'IaC lint',
        findings: [plain, existing],
        actionable: [plain],
        blocking: new Set([plain])
      })
    ).toEqual([{title: 'IaC lint', findings: [plain]}])
  })
})
