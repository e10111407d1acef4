import type {Check} from '../../check'
import {finalStage, lastInFinalImage, type DockerfileDoc} from '../../parsers/dockerfile'

export const missingUser: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-001',
  platform: 'dockerfile',
  severity: 'medium',
  title: 'Image runs as root: no USER instruction',
  description:
    'Without a USER the container process runs as root; a compromised application then has root in the container and an easier path to the host (CIS Docker 4.1).',
  remediation:
    'Create an unprivileged user and switch to it in the final stage (`RUN useradd -r app` then `USER app`).',
  docs: 'https://docs.docker.com/build/building/best-practices/#user',
  aliases: ['CKV_DOCKER_3'],
  run: doc => {
    const last = finalStage(doc)
    return last && !lastInFinalImage(doc, 'USER')
      ? [{line: last.line, resource: `stage ${last.name ?? last.index}`}]
      : []
  },
  fail: {
    fileName: 'Dockerfile',
    text: `FROM golang:1.23 AS build
USER builder
RUN go build -o /app .

FROM debian:12-slim
COPY --from=build /app /app
ENTRYPOINT ["/app"]
`,
    lines: [5]
  },
  pass: {
    fileName: 'Dockerfile',
    text: `FROM golang:1.23 AS build
RUN go build -o /app .

FROM debian:12-slim
COPY --from=build /app /app
USER 10001
ENTRYPOINT ["/app"]
`
  }
}
