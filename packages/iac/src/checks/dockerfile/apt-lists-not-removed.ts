import type {Check} from '../../check'
import {finalStage, type DockerfileDoc} from '../../parsers/dockerfile'
import {aptInstalls} from '../../parsers/dockerfile-packages'

export const aptListsNotRemoved: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-009',
  platform: 'dockerfile',
  hygiene: 'always',
  severity: 'low',
  title: 'apt lists are not removed after install',
  description:
    'The package index stays in the layer: a bigger image and stale metadata that later RUNs may install from.',
  remediation: 'End the same RUN with `rm -rf /var/lib/apt/lists/*` (or use a cache mount).',
  docs: 'https://github.com/hadolint/hadolint/wiki/DL3009',
  aliases: ['DL3009'],
  run: doc => {
    const last = finalStage(doc)
    return (last?.instructions ?? []).flatMap(i =>
      aptInstalls(i).length > 0 &&
      !/\/var\/lib\/apt\/lists/.test(i.args) &&
      !i.flags.some(f => f.includes('type=cache'))
        ? [{line: i.line}]
        : []
    )
  },
  fail: {
    fileName: 'Dockerfile',
    text: `FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl
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
