import type {Check} from '../../check'
import type {DockerfileDoc} from '../../parsers/dockerfile'
import {commandsMatching} from '../../parsers/dockerfile-packages'

export const cdInRun: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-016',
  platform: 'dockerfile',
  hygiene: 'always',
  severity: 'info',
  title: 'cd used in RUN instead of WORKDIR',
  description:
    '`cd` only lasts for one RUN; later instructions silently run elsewhere, which makes paths and permissions easy to get wrong.',
  remediation: 'Use WORKDIR to change directory.',
  docs: 'https://github.com/hadolint/hadolint/wiki/DL3003',
  aliases: ['DL3003'],
  run: doc =>
    doc.instructions.flatMap(i =>
      commandsMatching(i, /^cd\s/).length > 0 ? [{line: i.line}] : []
    ),
  fail: {
    fileName: 'Dockerfile',
    text: `FROM golang:1.23
COPY . /src
RUN cd /src && go build ./...
`,
    lines: [3]
  },
  pass: {
    fileName: 'Dockerfile',
    text: `FROM golang:1.23
WORKDIR /src
COPY . .
RUN go build ./...
`
  }
}
