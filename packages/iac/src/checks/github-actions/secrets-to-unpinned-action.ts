import type {Check} from '../../check'
import type {GitHubActionsDoc} from '../../parsers/github-actions'
import {isGitHubOwned, isPinned, usesRef} from '../../parsers/github-actions-expressions'
import {get, pairs, text} from '../../parsers/yaml-document'

const SECRET_EXPRESSION = /\$\{\{[^}]*\bsecrets\./

export const secretsToUnpinnedAction: Check<GitHubActionsDoc> = {
  id: 'PG-GHA-009',
  platform: 'github-actions',
  severity: 'high',
  title: 'Secret passed to an unpinned third-party action',
  description:
    "The action's owner can move the tag to code that exfiltrates the secret the next time the workflow runs.",
  remediation:
    'Pin the action to a full commit SHA after reviewing it, or replace it with a trusted one.',
  docs: 'https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions',
  run: doc =>
    doc.jobs.flatMap(job =>
      job.steps.flatMap(step => {
        if (!step.uses) return []
        const ref = usesRef(step.uses.value)
        if (ref.kind !== 'remote' || isPinned(ref) || isGitHubOwned(ref)) return []
        return [...pairs(step.with), ...pairs(get(step.node, 'env'))]
          .filter(p => SECRET_EXPRESSION.test(text(p.value) ?? ''))
          .map(p => ({
            line: p.keyLine,
            resource: step.ref,
            message: `${p.key} passes a secret to ${step.uses!.value}`
          }))
      })
    ),
  fail: {
    fileName: '.github/workflows/publish.yml',
    text: `on: push
permissions:
  contents: read
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: JS-DevTools/npm-publish@v3
        with:
          token: \${{ secrets.NPM_TOKEN }}
          access: public
`,
    lines: [10]
  },
  pass: {
    fileName: '.github/workflows/publish.yml',
    text: `on: push
permissions:
  contents: read
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: JS-DevTools/npm-publish@19c28f1ef146469e409470805ea4279d47c3d35c
        with:
          token: \${{ secrets.NPM_TOKEN }}
      - uses: some/linter@v2
        with:
          level: strict
`
  }
}
