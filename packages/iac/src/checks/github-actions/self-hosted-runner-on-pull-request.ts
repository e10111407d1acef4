import type {Check} from '../../check'
import type {GitHubActionsDoc} from '../../parsers/github-actions'
import {hasTrigger} from '../../parsers/github-actions-expressions'
import {get, items, pairOf, text, type YamlNode} from '../../parsers/yaml-document'

const PULL_REQUEST_TRIGGERS = [
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment'
]

function labels(runsOn: YamlNode): string[] {
  if (runsOn.kind === 'scalar') return [text(runsOn) ?? '']
  if (runsOn.kind === 'seq') return items(runsOn).map(i => text(i) ?? '')
  return items(get(runsOn, 'labels'))
    .map(i => text(i) ?? '')
    .concat(text(get(runsOn, 'labels')) ?? [])
}

export const selfHostedRunnerOnPullRequest: Check<GitHubActionsDoc> = {
  id: 'PG-GHA-010',
  platform: 'github-actions',
  severity: 'high',
  title: 'Self-hosted runner runs pull request code',
  description:
    'On a public repository anyone can open a pull request; on a self-hosted runner their code runs on your machine, which persists between jobs and usually sits inside your network.',
  remediation:
    'Use GitHub-hosted runners for pull requests, or ephemeral, isolated self-hosted runners with fork approval required.',
  docs: 'https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/about-self-hosted-runners#self-hosted-runner-security',
  aliases: ['self-hosted-runner'],
  run: doc => {
    if (!hasTrigger(doc, ...PULL_REQUEST_TRIGGERS)) return []
    return doc.jobs.flatMap(job => {
      const pair = pairOf(job.node, 'runs-on')
      return pair && labels(pair.value).includes('self-hosted')
        ? [{line: pair.keyLine, resource: job.ref}]
        : []
    })
  },
  fail: {
    fileName: '.github/workflows/pr.yml',
    text: `on: [push, pull_request]
permissions:
  contents: read
jobs:
  test:
    runs-on: [self-hosted, linux, gpu]
    steps:
      - run: make test
`,
    lines: [6]
  },
  pass: {
    fileName: '.github/workflows/pr.yml',
    text: `on: [push, pull_request]
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-24.04
    steps:
      - run: make test
`
  }
}
