import type {Check} from '../../check'
import type {GitHubActionsDoc} from '../../parsers/github-actions'
import {isGitHubOwned, isPinned, usesRef} from '../../parsers/github-actions-expressions'

export const unpinnedThirdPartyAction: Check<GitHubActionsDoc> = {
  id: 'PG-GHA-003',
  platform: 'github-actions',
  severity: 'high',
  title: 'Third-party action is not pinned to a commit SHA',
  description:
    'Tags and branches can be moved: whoever controls the action repository (or steals its token, as in the tj-actions/changed-files incident) can run code in your workflow with its secrets.',
  remediation:
    'Pin to a full 40-character commit SHA (`uses: owner/action@<sha> # v1.2.3`) and let Dependabot or Renovate update it.',
  docs: 'https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions',
  aliases: ['unpinned-uses'],
  run: doc =>
    doc.jobs.flatMap(job =>
      [
        job.uses ? {uses: job.uses, resource: job.ref} : undefined,
        ...job.steps.map(s => (s.uses ? {uses: s.uses, resource: s.ref} : undefined))
      ].flatMap(entry => {
        if (!entry) return []
        const ref = usesRef(entry.uses.value)
        return !isPinned(ref) && !isGitHubOwned(ref)
          ? [
              {
                line: entry.uses.line,
                resource: entry.resource,
                message: `${entry.uses.value} is not pinned to a commit SHA`
              }
            ]
          : []
      })
    ),
  fail: {
    fileName: '.github/workflows/ci.yml',
    text: `on: push
permissions:
  contents: read
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: golangci/golangci-lint-action@v6
      - uses: docker://alpine:3.20
  deploy:
    uses: acme/workflows/.github/workflows/deploy.yml@main
`,
    lines: [9, 10, 12]
  },
  pass: {
    fileName: '.github/workflows/ci.yml',
    text: `on: push
permissions:
  contents: read
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
      - uses: golangci/golangci-lint-action@971e284b6050e8a5849b72094c50ab08da042db8
      - uses: docker://alpine@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d
      - uses: ./.github/actions/setup
  deploy:
    uses: ./.github/workflows/deploy.yml
`
  }
}
