import type {Check} from '../../check'
import type {GitHubActionsDoc} from '../../parsers/github-actions'
import {hasTrigger, usesRef} from '../../parsers/github-actions-expressions'
import {get} from '../../parsers/yaml-document'

const SETUP_WITH_CACHE = new Set([
  'actions/setup-node',
  'actions/setup-python',
  'actions/setup-go',
  'actions/setup-java',
  'actions/setup-dotnet'
])

export const cacheInPullRequestTarget: Check<GitHubActionsDoc> = {
  id: 'PG-GHA-013',
  platform: 'github-actions',
  severity: 'low',
  title: 'Cache used in a pull_request_target workflow',
  description:
    "pull_request_target runs in the base branch's cache scope: a cache written from contributor-influenced content can poison later builds of the default branch, including releases.",
  remediation:
    'Do not restore or save caches in pull_request_target workflows; use `pull_request` for builds that need a cache.',
  docs: 'https://adnanthekhan.com/2024/05/06/the-monsters-in-your-build-cache-github-actions-cache-poisoning/',
  aliases: ['cache-poisoning'],
  run: doc => {
    if (!hasTrigger(doc, 'pull_request_target')) return []
    return doc.jobs.flatMap(job =>
      job.steps.flatMap(step => {
        if (!step.uses) return []
        const action = usesRef(step.uses.value).action
        const caches =
          action === 'actions/cache' ||
          action === 'actions/cache/restore' ||
          (SETUP_WITH_CACHE.has(action) && get(step.with, 'cache'))
        return caches ? [{line: step.uses.line, resource: step.ref}] : []
      })
    )
  },
  fail: {
    fileName: '.github/workflows/pr-comment.yml',
    text: `on: pull_request_target
permissions:
  pull-requests: write
jobs:
  comment:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af
        with:
          node-version: 20
          cache: npm
      - uses: actions/cache@1bd1e32a3bdc45362d1e726936510720a7c30a57
        with:
          path: ~/.cache
          key: tools
`,
    lines: [8, 12]
  },
  pass: {
    fileName: '.github/workflows/pr-comment.yml',
    text: `on: pull_request_target
permissions:
  pull-requests: write
jobs:
  comment:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af
        with:
          node-version: 20
`
  }
}
