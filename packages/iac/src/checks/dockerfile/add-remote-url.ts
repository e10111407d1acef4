import type {Check} from '../../check'
import type {DockerfileDoc} from '../../parsers/dockerfile'

export const addRemoteUrl: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-006',
  platform: 'dockerfile',
  severity: 'medium',
  title: 'ADD downloads a remote file without a checksum',
  description:
    'ADD <url> puts whatever the server returns into the image, with no integrity check: a compromised or spoofed server injects code.',
  remediation:
    'Use `ADD --checksum=sha256:...` or download with curl and verify the checksum in the same RUN.',
  docs: 'https://docs.docker.com/reference/dockerfile/#add---checksum',
  run: doc =>
    doc.instructions.flatMap(i => {
      if (i.keyword !== 'ADD' || i.flags.some(f => f.startsWith('--checksum='))) return []
      return i.expanded.some(a => /^https?:\/\//i.test(a)) ? [{line: i.line}] : []
    }),
  fail: {
    fileName: 'Dockerfile',
    text: `FROM alpine:3.20
ADD https://example.com/tool.tar.gz /opt/
`,
    lines: [2]
  },
  pass: {
    fileName: 'Dockerfile',
    text: `FROM alpine:3.20
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/
`
  }
}
