import type {Check} from '../../check'
import type {DockerfileDoc} from '../../parsers/dockerfile'

export const maintainerDeprecated: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-017',
  platform: 'dockerfile',
  hygiene: 'always',
  severity: 'info',
  title: 'MAINTAINER is deprecated',
  description:
    'MAINTAINER has been deprecated since Docker 1.13; the information belongs in an OCI label.',
  remediation: 'Replace it with `LABEL org.opencontainers.image.authors="..."`.',
  docs: 'https://github.com/hadolint/hadolint/wiki/DL4000',
  aliases: ['DL4000'],
  run: doc => doc.instructions.flatMap(i => (i.keyword === 'MAINTAINER' ? [{line: i.line}] : [])),
  fail: {
    fileName: 'Dockerfile',
    text: `FROM alpine:3.20
MAINTAINER ops@example.com
`,
    lines: [2]
  },
  pass: {
    fileName: 'Dockerfile',
    text: `FROM alpine:3.20
LABEL org.opencontainers.image.authors="ops@example.com"
`
  }
}
