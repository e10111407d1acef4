import type {Check} from '../../check'
import type {GitHubActionsDoc} from '../../parsers/github-actions'
import {get, isTrue, pairOf, type YamlNode} from '../../parsers/yaml-document'

export const insecureCommandsEnabled: Check<GitHubActionsDoc> = {
  id: 'PG-GHA-012',
  platform: 'github-actions',
  severity: 'high',
  title: 'Deprecated set-env and add-path commands are re-enabled',
  description:
    '`ACTIONS_ALLOW_UNSECURE_COMMANDS: true` lets anything printed to the log (a test name, a commit message) set environment variables and PATH for later steps.',
  remediation: 'Remove the variable and write to $GITHUB_ENV / $GITHUB_PATH instead.',
  docs: 'https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/',
  aliases: ['insecure-commands'],
  run: doc => {
    const scopes: {node: YamlNode | undefined; resource: string}[] = [
      {node: get(doc.root, 'env'), resource: 'env'}
    ]
    for (const job of doc.jobs) {
      scopes.push({node: get(job.node, 'env'), resource: job.ref})
      for (const step of job.steps) scopes.push({node: get(step.node, 'env'), resource: step.ref})
    }
    return scopes.flatMap(({node, resource}) => {
      const pair = pairOf(node, 'ACTIONS_ALLOW_UNSECURE_COMMANDS')
      return pair && isTrue(pair.value) ? [{line: pair.keyLine, resource}] : []
    })
  },
  fail: {
    fileName: '.github/workflows/legacy.yml',
    text: `on: push
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    env:
      ACTIONS_ALLOW_UNSECURE_COMMANDS: 'true'
    steps:
      - run: echo "::add-path::/opt/tool/bin"
`,
    lines: [8]
  },
  pass: {
    fileName: '.github/workflows/legacy.yml',
    text: `on: push
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "/opt/tool/bin" >> "$GITHUB_PATH"
`
  }
}
