import type {Check} from '../../check'
import type {DockerfileDoc} from '../../parsers/dockerfile'
import {commandsMatching} from '../../parsers/dockerfile-packages'

export const apkWithoutNoCache: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-011',
  platform: 'dockerfile',
  hygiene: 'always',
  severity: 'low',
  title: 'apk add without --no-cache',
  description: 'The apk index is kept in the layer: a bigger image with stale package metadata.',
  remediation: 'Use `apk add --no-cache ...`.',
  docs: 'https://github.com/hadolint/hadolint/wiki/DL3019',
  aliases: ['DL3019'],
  run: doc =>
    doc.instructions.flatMap(i => {
      if (/\/var\/cache\/apk/.test(i.args) || i.flags.some(f => f.includes('type=cache'))) return []
      const adds = commandsMatching(i, /^(sudo\s+)?apk\s+(.*\s)?add\b/)
      return adds.some(tokens => !tokens.includes('--no-cache')) ? [{line: i.line}] : []
    }),
  fail: {
    fileName: 'Dockerfile',
    text: `FROM alpine:3.20
RUN apk update && apk add curl=8.9.1-r2
`,
    lines: [2]
  },
  pass: {
    fileName: 'Dockerfile',
    text: `FROM alpine:3.20
RUN apk add --no-cache curl=8.9.1-r2
`
  }
}
