import {describe, expect, it} from '@jest/globals'
import {githubActionsParser, type GitHubActionsDoc} from '../src/parsers/github-actions'
import {isPinned, untrustedExpressions, usesRef} from '../src/parsers/github-actions-expressions'

function parse(source: string, path = '.github/workflows/ci.yml'): GitHubActionsDoc {
  const outcome = githubActionsParser.parse(source, path)
  if (!outcome.ok) throw new Error(outcome.error)
  return outcome.doc
}

describe('githubActionsParser', () => {
  it('claims workflows and action.yml files', () => {
    expect(githubActionsParser.fileRequired('.github/workflows/ci.yml')).toBe(true)
    expect(githubActionsParser.fileRequired('.github/workflows/release.yaml')).toBe(true)
    expect(githubActionsParser.fileRequired('.github/actions/setup/action.yml')).toBe(true)
    expect(githubActionsParser.fileRequired('action.yaml')).toBe(true)
    expect(githubActionsParser.fileRequired('.github/workflows/sub/ci.yml')).toBe(false)
    expect(githubActionsParser.fileRequired('.github/dependabot.yml')).toBe(false)
  })

  it('reads triggers in all three forms', () => {
    const keys = (on: string): string[] => [...parse(`on: ${on}\njobs: {}\n`).triggers.keys()]
    expect(keys('push')).toEqual(['push'])
    expect(keys('[push, pull_request_target]')).toEqual(['push', 'pull_request_target'])
    expect([
      ...parse('on:\n  workflow_run:\n    workflows: [ci]\n  issue_comment:\njobs: {}\n').triggers
    ]).toEqual([
      ['workflow_run', 2],
      ['issue_comment', 4]
    ])
  })

  it('reads jobs, steps and reusable workflow calls with lines', () => {
    const doc = parse(`on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with: {fetch-depth: 0}
      - run: make
  call:
    uses: org/repo/.github/workflows/x.yml@v1
`)
    expect(doc.jobs.map(j => [j.ref, j.line, j.steps.length, j.uses?.line])).toEqual([
      ['jobs.build', 3, 2, undefined],
      ['jobs.call', 9, 0, 10]
    ])
    expect(doc.jobs[0]!.steps.map(s => [s.ref, s.line, s.uses?.line])).toEqual([
      ['jobs.build.steps[0]', 6, 6],
      ['jobs.build.steps[1]', 8, undefined]
    ])
  })

  it('reads composite actions as one job of steps; other actions have none', () => {
    const composite = parse(
      'name: x\nruns:\n  using: composite\n  steps:\n    - run: echo\n      shell: bash\n',
      'action.yml'
    )
    expect([composite.kind, composite.jobs.map(j => j.steps.length)]).toEqual([
      'composite-action',
      [1]
    ])
    const node = parse('name: x\nruns:\n  using: node20\n  main: dist/index.js\n', 'action.yml')
    expect([node.kind, node.jobs]).toEqual(['action', []])
  })

  it('points untrusted expressions at their own line inside folded and literal blocks', () => {
    const doc = parse(`on: issues
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: >
          echo start &&
          echo "\${{ github.event.issue.body }}" &&
          echo "\${{ github.event.issue.number }}"
`)
    expect(untrustedExpressions(doc, doc.jobs[0]!.steps[0]!.run!).map(m => m.line)).toEqual([8])
  })

  it('classifies uses references', () => {
    expect(usesRef('actions/checkout@v4')).toEqual({
      kind: 'remote',
      action: 'actions/checkout',
      owner: 'actions',
      ref: 'v4'
    })
    expect(usesRef('github/codeql-action/init@v3').action).toBe('github/codeql-action')
    expect(isPinned(usesRef('a/b@11bd71901bbe5b1630ceea73d27597364c9af683'))).toBe(true)
    expect(isPinned(usesRef('a/b@11bd719'))).toBe(false)
    expect(isPinned(usesRef('./local'))).toBe(true)
    expect(isPinned(usesRef('docker://alpine:3.20'))).toBe(false)
  })

  it('returns per-file errors for invalid YAML and a workflow without jobs', () => {
    const invalid = githubActionsParser.parse(
      'on: push\njobs:\n  a:\n    steps:\n  - run: x\n    - y\n',
      '.github/workflows/a.yml'
    )
    expect(invalid.ok).toBe(false)
    if (!invalid.ok) expect(invalid.error).toMatch(/^invalid YAML at line \d+/)
    expect(githubActionsParser.parse('on: push\njobs: [a]\n', '.github/workflows/a.yml')).toEqual({
      ok: false,
      error: 'invalid workflow at line 2: expected a workflow mapping with jobs'
    })
  })
})
