import type {Check} from '../../check'
import {finalStage, lastInFinalImage, type DockerfileDoc} from '../../parsers/dockerfile'

export const missingHealthcheck: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-014',
  platform: 'dockerfile',
  hygiene: 'always',
  severity: 'low',
  title: 'Final image has no HEALTHCHECK',
  description:
    'Without a HEALTHCHECK Docker and Compose cannot tell a hung container from a healthy one and never restart it (CIS Docker 4.6).',
  remediation:
    'Add `HEALTHCHECK CMD ...` to the final stage (or `HEALTHCHECK NONE` when the orchestrator probes instead).',
  docs: 'https://docs.docker.com/reference/dockerfile/#healthcheck',
  aliases: ['CKV_DOCKER_2'],
  run: doc => {
    const last = finalStage(doc)
    return last && !lastInFinalImage(doc, 'HEALTHCHECK') ? [{line: last.line}] : []
  },
  fail: {
    fileName: 'Containerfile',
    text: `FROM nginx:1.27
COPY site/ /usr/share/nginx/html/
`,
    lines: [1]
  },
  pass: {
    fileName: 'Containerfile',
    text: `FROM nginx:1.27
COPY site/ /usr/share/nginx/html/
HEALTHCHECK --interval=30s CMD curl -fs http://localhost/ || exit 1
`
  }
}
