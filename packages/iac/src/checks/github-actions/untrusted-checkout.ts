import type {Check} from '../../check'
import type {GitHubActionsDoc} from '../../parsers/github-actions'
import {hasTrigger, PRIVILEGED_TRIGGERS, usesRef} from '../../parsers/github-actions-expressions'
import {matchLines, pairOf, text} from '../../parsers/yaml-document'

/** Expressions that name the contributor's code rather than the base repository's. */
const HEAD_CODE =
  /github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(sha|branch)|github\.event\.pull_request\.merge_commit_sha|refs\/pull\/|github\.event\.pull_request\.head\.repo\.full_name|github\.event\.workflow_run\.head_repository\.full_name/
const SHELL_CHECKOUT =
  /\b(git\s+(checkout|fetch|switch|pull)|gh\s+pr\s+checkout)\b.*\$\{\{[^}]*(pull_request\.head\.(sha|ref)|head_ref|workflow_run\.head_(sha|branch)|issue\.number|pull_request\.number)/

export const untrustedCheckout: Check<GitHubActionsDoc> = {
  id: 'PG-GHA-001',
  platform: 'github-actions',
  severity: 'critical',
  title: 'Privileged workflow checks out untrusted pull request code',
  description:
    'pull_request_target, workflow_run and issue_comment runs have secrets and a write token; checking out the contributor\'s head and building or running it ("pwn request") hands both to anyone who opens a pull request.',
  remediation:
    'Use the `pull_request` trigger for building contributor code; if a privileged follow-up is needed, pass results as artifacts to a separate workflow that never executes PR code.',
  docs: 'https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/',
  aliases: ['dangerous-triggers'],
  run: doc => {
    if (!hasTrigger(doc, ...PRIVILEGED_TRIGGERS)) return []
    return doc.jobs.flatMap(job =>
      job.steps.flatMap(step => {
        if (step.uses && usesRef(step.uses.value).action === 'actions/checkout') {
          return ['ref', 'repository'].flatMap(key => {
            const pair = pairOf(step.with, key)
            return pair && HEAD_CODE.test(text(pair.value) ?? '')
              ? [{line: pair.keyLine, resource: step.ref}]
              : []
          })
        }
        return step.run
          ? matchLines(doc.file, step.run, new RegExp(SHELL_CHECKOUT.source)).map(m => ({
              line: m.line,
              resource: step.ref
            }))
          : []
      })
    )
  },
  fail: {
    fileName: '.github/workflows/pr.yml',
    text: `on: pull_request_target
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
        with:
          ref: \${{ github.event.pull_request.head.sha }}
          persist-credentials: false
      - run: npm ci && npm test
`,
    lines: [10]
  },
  pass: {
    fileName: '.github/workflows/pr.yml',
    text: `on: pull_request
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
        with:
          ref: \${{ github.event.pull_request.head.sha }}
          persist-credentials: false
      - run: npm ci && npm test
`
  }
}
