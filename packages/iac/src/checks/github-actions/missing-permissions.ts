import type {Check} from '../../check'
import type {GitHubActionsDoc} from '../../parsers/github-actions'
import {pairOf} from '../../parsers/yaml-document'

export const missingPermissions: Check<GitHubActionsDoc> = {
  id: 'PG-GHA-006',
  platform: 'github-actions',
  severity: 'medium',
  title: 'Workflow does not set token permissions',
  description:
    'Without a `permissions` block the token gets the repository default, which on many (older and organization) repositories is read-write for every scope.',
  remediation:
    'Add a top-level `permissions:` with the least the workflow needs (often `contents: read`), and widen per job.',
  docs: 'https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token',
  aliases: ['excessive-permissions'],
  run: doc => {
    if (doc.kind !== 'workflow' || pairOf(doc.root, 'permissions')) return []
    const unset = doc.jobs.filter(j => !pairOf(j.node, 'permissions'))
    return unset.length > 0
      ? [
          {
            line: doc.root.line,
            resource: 'permissions',
            message: `Jobs ${unset.map(j => j.id).join(', ')} run with the default token permissions`
          }
        ]
      : []
  },
  fail: {
    fileName: '.github/workflows/ci.yml',
    text: `name: ci
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: make test
`,
    lines: [1]
  },
  pass: {
    fileName: '.github/workflows/ci.yml',
    text: `name: ci
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - run: make test
`
  }
}
