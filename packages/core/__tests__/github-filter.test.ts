import {describe, expect, it} from '@jest/globals'
import {createFinding, type Finding} from '../src/finding'
import {parsePatch, type PullRequestDiff} from '../src/github/diff'
import {createScopeFilter} from '../src/github/filter'

const finding = (path: string, startLine: number, endLine = startLine): Finding =>
  createFinding({
    scanner: 'iac',
    ruleId: 'r',
    severity: 'high',
    title: 't',
    message: 'm',
    path,
    startLine,
    endLine,
    fingerprintContent: `${path}${startLine}`
  })

// app.tf: lines 10-16 are one hunk, 12 and 13 added.
const diff: PullRequestDiff = {
  source: 'api',
  files: new Map([
    [
      'infra/app.tf',
      {
        path: 'infra/app.tf',
        ...parsePatch('@@ -10,5 +10,7 @@\n a\n b\n+c\n+d\n e\n f\n g'),
        wholeFile: false
      }
    ],
    [
      'infra/blob.bin',
      {
        path: 'infra/blob.bin',
        added: new Set<number>(),
        hunks: [],
        deleted: new Set<number>(),
        wholeFile: true
      }
    ]
  ])
}

// The scanned root is infra/ (an action's `path: infra`).
const inInfra = (path: string): string => `infra/${path}`

describe('createScopeFilter', () => {
  it('added: only findings touching an added line', () => {
    const inScope = createScopeFilter('added', diff, inInfra)!
    expect(inScope(finding('app.tf', 12))).toBe(true)
    expect(inScope(finding('app.tf', 11, 12))).toBe(true)
    expect(inScope(finding('app.tf', 14))).toBe(false)
    expect(inScope(finding('other.tf', 12))).toBe(false)
  })

  it('diff_context: anything inside a hunk', () => {
    const inScope = createScopeFilter('diff_context', diff, inInfra)!
    expect(inScope(finding('app.tf', 16))).toBe(true)
    expect(inScope(finding('app.tf', 17))).toBe(false)
    expect(inScope(finding('app.tf', 5, 10))).toBe(true)
  })

  it('file: anything in a changed file', () => {
    const inScope = createScopeFilter('file', diff, inInfra)!
    expect(inScope(finding('app.tf', 400))).toBe(true)
    expect(inScope(finding('main.tf', 1))).toBe(false)
  })

  it('a file without a patch counts as wholly changed', () => {
    expect(createScopeFilter('added', diff, inInfra)!(finding('blob.bin', 3))).toBe(true)
  })

  it('the path prefix maps the scanned root to repository paths', () => {
    expect(createScopeFilter('file', diff)!(finding('app.tf', 12))).toBe(false)
  })

  it('a finding from one of the PR commits is in scope even when the final diff lost the line', () => {
    const fromHistory = {
      ...finding('config/old.env', 3),
      commit: {sha: 'a'.repeat(40), author: 'dev', date: '2026-11-27T00:00:00Z'}
    }
    expect(createScopeFilter('added', diff, inInfra)!(fromHistory)).toBe(true)
    expect(createScopeFilter('added', diff, inInfra)!(finding('config/old.env', 3))).toBe(false)
  })

  it('a finding its scanner marked as introduced by the PR is in scope wherever it points', () => {
    const bumped = {...finding('package-lock.json', 40), properties: {change: 'introduced'}}
    expect(createScopeFilter('added', diff, inInfra)!(bumped)).toBe(true)
    expect(
      createScopeFilter('added', diff, inInfra)!({...bumped, properties: {change: 'present'}})
    ).toBe(false)
  })

  it("a removal inside the finding's resource puts it in scope; one outside it does not", () => {
    // k8s.yaml: the PR removes `securityContext:` (old lines 8-9), which followed line 7.
    const removal: PullRequestDiff = {
      source: 'git',
      files: new Map([
        [
          'k8s.yaml',
          {
            path: 'k8s.yaml',
            ...parsePatch('@@ -5,6 +5,4 @@\n a\n b\n c\n-d\n-e\n f'),
            wholeFile: false
          }
        ]
      ])
    }
    const inScope = createScopeFilter('added', removal)!
    const onWorkload = (startLine: number, endLine: number): Finding => ({
      ...finding('k8s.yaml', 2),
      block: {startLine, endLine}
    })
    expect(inScope(finding('k8s.yaml', 2))).toBe(false)
    expect(inScope(onWorkload(1, 20))).toBe(true)
    // The removed lines were the last ones of the block ending at line 7.
    expect(inScope(onWorkload(1, 7))).toBe(true)
    // A block that starts where the removal ends, and one further down, were not touched.
    expect(inScope(onWorkload(8, 20))).toBe(false)
    expect(inScope(onWorkload(30, 40))).toBe(false)
    // A line added elsewhere in a resource does not bring in its older findings.
    const added = createScopeFilter('added', diff, inInfra)!
    expect(added({...finding('app.tf', 15), block: {startLine: 10, endLine: 16}})).toBe(false)
  })

  it('a changed line where the value comes from (a variable default) puts the finding in scope', () => {
    const fromVariable = (startLine: number): Finding => ({
      ...finding('main.tf', 3),
      valueOrigins: [{path: 'app.tf', startLine, endLine: startLine}]
    })
    const inScope = createScopeFilter('added', diff, inInfra)!
    expect(inScope(fromVariable(13))).toBe(true)
    expect(inScope(fromVariable(15))).toBe(false)
    expect(inScope(finding('main.tf', 3))).toBe(false)
  })

  it('nofilter: no predicate at all', () => {
    expect(createScopeFilter('nofilter', diff)).toBeUndefined()
  })
})
