import type {Check} from '../../check'
import type {DockerfileDoc} from '../../parsers/dockerfile'
import {aptInstalls} from '../../parsers/dockerfile-packages'

export const aptInstallRecommends: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-010',
  platform: 'dockerfile',
  hygiene: 'always',
  severity: 'info',
  title: 'apt-get install without --no-install-recommends',
  description:
    'Recommended packages add software nobody asked for: more size and more attack surface to patch.',
  remediation: 'Add `--no-install-recommends` to apt-get install.',
  docs: 'https://github.com/hadolint/hadolint/wiki/DL3015',
  aliases: ['DL3015'],
  run: doc =>
    doc.instructions.flatMap(i =>
      aptInstalls(i).some(
        tokens =>
          !tokens.includes('--no-install-recommends') &&
          !tokens.join(' ').includes('Install-Recommends=false')
      )
        ? [{line: i.line}]
        : []
    ),
  fail: {
    fileName: 'Dockerfile',
    text: `FROM debian:12-slim
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
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
