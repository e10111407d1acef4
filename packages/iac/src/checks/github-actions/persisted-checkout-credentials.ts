import type {Check} from '../../check'
import type {GitHubActionsDoc} from '../../parsers/github-actions'
import {hasTrigger, PRIVILEGED_TRIGGERS, usesRef} from '../../parsers/github-actions-expressions'
import {get, isFalse} from '../../parsers/yaml-document'

const UPLOADS = new Set(['actions/upload-artifact', 'actions/upload-pages-artifact'])

export const persistedCheckoutCredentials: Check<GitHubActionsDoc> = {
  id: 'PG-GHA-007',
  platform: 'github-actions',
  severity: 'medium',
  title: 'Checkout persists the token where it can leak',
  description:
    'actions/checkout writes the token into .git/config unless `persist-credentials: false`; a later artifact upload of the workspace publishes it ("ArtiPACKED"), and in privileged triggers every later step can read it.',
  remediation:
    'Set `persist-credentials: false` on actions/checkout and pass a token explicitly to the one step that pushes.',
  docs: 'https://unit42.paloaltonetworks.com/github-repo-artifacts-leak-tokens/',
  aliases: ['artipacked'],
  run: doc => {
    const privileged = hasTrigger(doc, ...PRIVILEGED_TRIGGERS)
    return doc.jobs.flatMap(job =>
      job.steps.flatMap((step, index) => {
        if (!step.uses || usesRef(step.uses.value).action !== 'actions/checkout') return []
        if (isFalse(get(step.with, 'persist-credentials'))) return []
        // Only when the token can actually leave: an upload later in the job, or a privileged trigger.
        const uploadsLater = job.steps
          .slice(index + 1)
          .some(s => s.uses && UPLOADS.has(usesRef(s.uses.value).action))
        return uploadsLater || privileged ? [{line: step.uses.line, resource: step.ref}] : []
      })
    )
  },
  fail: {
    fileName: '.github/workflows/build.yml',
    text: `on: push
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
      - run: make dist
      - uses: actions/upload-artifact@b4b15b8c7c6ac21ea08fcf65892d2ee8f75cf882
        with:
          path: .
`,
    lines: [8]
  },
  pass: {
    fileName: '.github/workflows/build.yml',
    text: `on: push
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
        with:
          persist-credentials: false
      - run: make dist
      - uses: actions/upload-artifact@b4b15b8c7c6ac21ea08fcf65892d2ee8f75cf882
        with:
          path: dist/
`
  }
}
