import type {Check} from '../../check'
import type {DockerfileDoc} from '../../parsers/dockerfile'

const WORLD_WRITABLE = /\bchmod\s+(-[A-Za-z]+\s+)*(0?777|[ugoa]*\+rwx|a\+w|o\+w)\b/

export const chmodWorldWritable: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-019',
  platform: 'dockerfile',
  severity: 'medium',
  title: 'chmod makes files world-writable',
  description:
    'chmod 777 lets any user in the container replace the files, so a low-privilege foothold can modify code or configuration.',
  remediation:
    'Give ownership to the application user (`COPY --chown` / `chown`) and use restrictive modes such as 755 or 644.',
  docs: 'https://docs.docker.com/build/building/best-practices/#user',
  run: doc =>
    doc.instructions.flatMap(i =>
      i.keyword === 'RUN' && WORLD_WRITABLE.test(i.args) ? [{line: i.line}] : []
    ),
  fail: {
    fileName: 'Dockerfile',
    text: `FROM alpine:3.20
COPY app /app
RUN chmod -R 777 /app
`,
    lines: [3]
  },
  pass: {
    fileName: 'Dockerfile',
    text: `FROM alpine:3.20
COPY --chown=app:app app /app
RUN chmod -R 755 /app
`
  }
}
