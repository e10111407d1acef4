import type {Check} from '../../check'
import type {DockerfileDoc} from '../../parsers/dockerfile'
import {aptInstalls, commandsMatching} from '../../parsers/dockerfile-packages'

export const aptUpdateAlone: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-020',
  platform: 'dockerfile',
  hygiene: 'always',
  severity: 'low',
  title: 'apt-get update in a RUN of its own',
  description:
    'A cached `apt-get update` layer is reused while later installs change, so images get installed from a stale index and miss security fixes.',
  remediation: 'Run `apt-get update && apt-get install ...` in the same RUN instruction.',
  docs: 'https://docs.docker.com/build/building/best-practices/#apt-get',
  aliases: ['CKV_DOCKER_5'],
  run: doc =>
    doc.instructions.flatMap(i =>
      commandsMatching(i, /^(sudo\s+)?(apt-get|apt)\s+update\b/).length > 0 &&
      aptInstalls(i).length === 0
        ? [{line: i.line}]
        : []
    ),
  fail: {
    fileName: 'Dockerfile',
    text: `FROM debian:12-slim
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
`,
    lines: [2]
  },
  pass: {
    fileName: 'Dockerfile',
    text: `FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
`
  }
}
