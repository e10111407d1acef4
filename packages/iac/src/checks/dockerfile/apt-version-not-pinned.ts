import type {Check} from '../../check'
import type {DockerfileDoc} from '../../parsers/dockerfile'
import {aptInstalls, packageArguments} from '../../parsers/dockerfile-packages'

export const aptVersionNotPinned: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-008',
  platform: 'dockerfile',
  hygiene: 'always',
  severity: 'low',
  title: 'apt-get install without version pinning',
  description:
    'Unpinned packages make every build install whatever the mirror has today: builds drift and are not reproducible.',
  remediation:
    'Pin versions (`apt-get install -y curl=7.88.1-10+deb12u8`) or pin the base image digest and rebuild deliberately.',
  docs: 'https://github.com/hadolint/hadolint/wiki/DL3008',
  aliases: ['DL3008'],
  run: doc =>
    doc.instructions.flatMap(i => {
      const unpinned = aptInstalls(i)
        .flatMap(packageArguments)
        .filter(p => !p.includes('=') && !p.endsWith('.deb'))
      return unpinned.length > 0
        ? [
            {
              line: i.line,
              message: `apt-get installs ${unpinned.join(', ')} without a pinned version`
            }
          ]
        : []
    }),
  fail: {
    fileName: 'Dockerfile',
    text: `FROM debian:12-slim
RUN apt-get update \\
 && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 git \\
 && rm -rf /var/lib/apt/lists/*
`,
    lines: [2]
  },
  pass: {
    fileName: 'Dockerfile',
    text: `FROM debian:12-slim
RUN apt-get update \\
 && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 git=1:2.39.5-0+deb12u1 \\
 && rm -rf /var/lib/apt/lists/*
`
  }
}
