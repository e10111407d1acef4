import type {Check} from '../../check'
import type {GitHubActionsDoc} from '../../parsers/github-actions'
import {isGitHubOwned, isPinned, usesRef} from '../../parsers/github-actions-expressions'

export const unpinnedGitHubAction: Check<GitHubActionsDoc> = {
  id: 'PG-GHA-004',
  platform: 'github-actions',
  hygiene: 'always',
  severity: 'low',
  title: 'GitHub-owned action is not pinned to a commit SHA',
  description:
    'actions/* and github/* are maintained by GitHub, so a moved tag is unlikely, but only a SHA makes the workflow immutable and reproducible.',
  remediation:
    'Pin to a full commit SHA with the version in a comment (`actions/checkout@<sha> # v4.2.2`).',
  docs: 'https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions',
  aliases: ['unpinned-uses'],
  run: doc =>
    doc.jobs.flatMap(job =>
      job.steps.flatMap(step => {
        if (!step.uses) return []
        const ref = usesRef(step.uses.value)
        return isGitHubOwned(ref) && !isPinned(ref)
          ? [{line: step.uses.line, resource: step.ref}]
          : []
      })
    ),
  fail: {
    fileName: 'action.yml',
    text: `name: setup
description: Set up the toolchain
runs:
  using: composite
  steps:
    - uses: actions/setup-node@v4
      with:
        node-version: 20
    - run: npm ci
      shell: bash
`,
    lines: [6]
  },
  pass: {
    fileName: 'action.yml',
    text: `name: setup
description: Set up the toolchain
runs:
  using: composite
  steps:
    - uses: actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af
      with:
        node-version: 20
    - run: npm ci
      shell: bash
`
  }
}
