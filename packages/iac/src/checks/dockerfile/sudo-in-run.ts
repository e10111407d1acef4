import type {Check} from '../../check'
import type {DockerfileDoc} from '../../parsers/dockerfile'
import {commandsMatching} from '../../parsers/dockerfile-packages'

export const sudoInRun: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-015',
  platform: 'dockerfile',
  severity: 'medium',
  title: 'sudo used in RUN',
  description:
    'sudo in an image means a sudoers setup that an attacker inside the container can use too; it also behaves unpredictably without a TTY.',
  remediation:
    'Switch with `USER root` for the steps that need it and back to the unprivileged user afterwards.',
  docs: 'https://github.com/hadolint/hadolint/wiki/DL3004',
  aliases: ['DL3004'],
  run: doc =>
    doc.instructions.flatMap(i =>
      commandsMatching(i, /^sudo\b/).length > 0 ? [{line: i.line}] : []
    ),
  fail: {
    fileName: 'Dockerfile',
    text: `FROM ubuntu:24.04
USER app
RUN sudo apt-get update
`,
    lines: [3]
  },
  pass: {
    fileName: 'Dockerfile',
    text: `FROM ubuntu:24.04
RUN apt-get update
USER app
`
  }
}
