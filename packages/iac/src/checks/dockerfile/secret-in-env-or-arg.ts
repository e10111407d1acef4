import {redact} from '@pipeguard/core'
import type {Check} from '../../check'
import type {DockerfileDoc} from '../../parsers/dockerfile'
import {isLiteralSecretValue, isSecretName} from '../../parsers/secret-like'

export const secretInEnvOrArg: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-013',
  platform: 'dockerfile',
  severity: 'high',
  title: 'Secret baked into ENV or ARG',
  description:
    'ENV values are stored in the image config and ARG defaults in its history: anyone who can pull the image can read the credential.',
  remediation:
    'Pass secrets at build time with `RUN --mount=type=secret` and at run time from the orchestrator, never as ENV/ARG literals.',
  docs: 'https://docs.docker.com/build/building/secrets/',
  run: doc =>
    doc.instructions.flatMap(i =>
      i.keyword === 'ENV' || i.keyword === 'ARG'
        ? i.properties
            .filter(p => p.value !== null && isSecretName(p.name) && isLiteralSecretValue(p.value))
            .map(p => ({
              line: p.line,
              message: `${i.keyword} ${p.name} holds a literal secret (${redact(p.value ?? '')})`
            }))
        : []
    ),
  fail: {
    fileName: 'Dockerfile',
    text: `FROM node:20-alpine
ARG NPM_TOKEN=example-npm-token-not-real
ENV NODE_ENV=production \\
    DB_PASSWORD=hunter2-prod-Passw0rd
`,
    lines: [2, 4]
  },
  pass: {
    fileName: 'Dockerfile',
    text: `FROM node:20-alpine
ARG NPM_TOKEN
ENV NODE_ENV=production \\
    DB_PASSWORD_FILE=/run/secrets/db
`
  }
}
