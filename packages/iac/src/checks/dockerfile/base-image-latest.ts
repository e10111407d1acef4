import type {Check} from '../../check'
import {parseImageRef} from '../../parsers/container-image'
import type {DockerfileDoc} from '../../parsers/dockerfile'

export const baseImageLatest: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-003',
  platform: 'dockerfile',
  severity: 'medium',
  title: 'Base image uses the latest tag',
  description:
    '`latest` moves: every build may start from a different base, so builds are not reproducible and a bad upstream push ships silently (CIS Docker 4.2).',
  remediation:
    'Pin the base image to a version tag and preferably a digest (`FROM node:20.18-alpine@sha256:...`).',
  docs: 'https://github.com/hadolint/hadolint/wiki/DL3007',
  aliases: ['DL3007', 'CKV_DOCKER_7'],
  run: doc =>
    doc.stages.flatMap(stage => {
      const ref = parseImageRef(stage.image)
      return !stage.fromStage && !ref.digest && ref.tag === 'latest'
        ? [{line: stage.line, message: `Base image ${stage.image} uses the latest tag`}]
        : []
    }),
  fail: {
    fileName: 'Dockerfile',
    text: `ARG BASE=alpine:latest
FROM node:20 AS build
RUN npm ci
FROM \${BASE}
COPY --from=build /app /app
`,
    lines: [4]
  },
  pass: {
    fileName: 'Dockerfile',
    text: `ARG BASE=alpine:3.20
FROM node:20 AS build
RUN npm ci
FROM \${BASE}
COPY --from=build /app /app
`
  }
}
