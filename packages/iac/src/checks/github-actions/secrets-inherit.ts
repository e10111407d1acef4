import type {Check} from '../../check'
import type {GitHubActionsDoc} from '../../parsers/github-actions'
import {pairOf, text} from '../../parsers/yaml-document'

export const secretsInherit: Check<GitHubActionsDoc> = {
  id: 'PG-GHA-008',
  platform: 'github-actions',
  severity: 'medium',
  title: 'Reusable workflow receives every secret',
  description:
    '`secrets: inherit` passes all repository and organization secrets to the called workflow, not just the ones it uses.',
  remediation:
    'Pass only the secrets the reusable workflow declares: `secrets: {NPM_TOKEN: ${{ secrets.NPM_TOKEN }}}`.',
  docs: 'https://docs.github.com/en/actions/sharing-automations/reusing-workflows#passing-inputs-and-secrets-to-a-reusable-workflow',
  aliases: ['secrets-inherit'],
  run: doc =>
    doc.jobs.flatMap(job => {
      const pair = pairOf(job.node, 'secrets')
      return job.uses && pair && text(pair.value) === 'inherit'
        ? [{line: pair.keyLine, resource: job.ref}]
        : []
    }),
  fail: {
    fileName: '.github/workflows/deploy.yml',
    text: `on: push
permissions:
  contents: read
jobs:
  deploy:
    uses: ./.github/workflows/reusable-deploy.yml
    secrets: inherit
`,
    lines: [7]
  },
  pass: {
    fileName: '.github/workflows/deploy.yml',
    text: `on: push
permissions:
  contents: read
jobs:
  deploy:
    uses: ./.github/workflows/reusable-deploy.yml
    secrets:
      DEPLOY_KEY: \${{ secrets.DEPLOY_KEY }}
`
  }
}
