import type {Check} from '../../check'
import type {GitHubActionsDoc} from '../../parsers/github-actions'
import {isUntrustedExpression} from '../../parsers/github-actions-expressions'
import {matchLines} from '../../parsers/yaml-document'

/** One line that both expands an expression and appends to a runner command file. */
const ENV_FILE_WRITE =
  /^.*\$\{\{[^\n]*?\}\}[^\n]*>>\s*["']?\$\{?(GITHUB_ENV|GITHUB_PATH|GITHUB_OUTPUT)\b.*$/gm

export const untrustedGithubEnvWrite: Check<GitHubActionsDoc> = {
  id: 'PG-GHA-011',
  platform: 'github-actions',
  severity: 'high',
  title: 'Untrusted input written to GITHUB_ENV, GITHUB_PATH or GITHUB_OUTPUT',
  description:
    "A value with a newline can add arbitrary variables (LD_PRELOAD, NODE_OPTIONS, BASH_ENV) or PATH entries for every later step: code execution with the job's secrets.",
  remediation:
    'Do not write contributor-controlled values to these files; if needed, validate them and use a random heredoc delimiter.',
  docs: 'https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections',
  aliases: ['github-env'],
  run: doc =>
    doc.jobs.flatMap(job =>
      job.steps.flatMap(step =>
        step.run
          ? matchLines(doc.file, step.run, ENV_FILE_WRITE)
              .filter(m => isUntrustedExpression(m.match))
              .map(m => ({line: m.line, resource: step.ref}))
          : []
      )
    ),
  fail: {
    fileName: '.github/workflows/label.yml',
    text: `on: pull_request_target
permissions:
  contents: read
jobs:
  label:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "start"
          echo "BRANCH=\${{ github.event.pull_request.head.ref }}" >> "$GITHUB_ENV"
`,
    lines: [10]
  },
  pass: {
    fileName: '.github/workflows/label.yml',
    text: `on: pull_request_target
permissions:
  contents: read
jobs:
  label:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "start"
          echo "PR=\${{ github.event.pull_request.number }}" >> "$GITHUB_ENV"
`
  }
}
