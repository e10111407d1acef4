import type {Check} from '../../check'
import type {GitHubActionsDoc} from '../../parsers/github-actions'
import {pairOf, text} from '../../parsers/yaml-document'

export const writeAllPermissions: Check<GitHubActionsDoc> = {
  id: 'PG-GHA-005',
  platform: 'github-actions',
  severity: 'high',
  title: 'Workflow token has write-all permissions',
  description:
    '`permissions: write-all` gives every step a token that can push code, create releases and change settings; any compromised step can use it.',
  remediation:
    'Grant only the scopes the jobs need (`permissions: {contents: read}` at the top, more per job).',
  docs: 'https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token',
  aliases: ['excessive-permissions'],
  run: doc =>
    [
      {node: doc.root, resource: 'permissions'},
      ...doc.jobs.map(j => ({node: j.node, resource: j.ref}))
    ].flatMap(({node, resource}) => {
      const pair = pairOf(node, 'permissions')
      return pair && text(pair.value) === 'write-all' ? [{line: pair.keyLine, resource}] : []
    }),
  fail: {
    fileName: '.github/workflows/release.yml',
    text: `on:
  push:
    tags: ['v*']
permissions: read-all
jobs:
  release:
    runs-on: ubuntu-latest
    permissions: write-all
    steps:
      - run: ./release.sh
`,
    lines: [8]
  },
  pass: {
    fileName: '.github/workflows/release.yml',
    text: `on:
  push:
    tags: ['v*']
permissions: read-all
jobs:
  release:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - run: ./release.sh
`
  }
}
