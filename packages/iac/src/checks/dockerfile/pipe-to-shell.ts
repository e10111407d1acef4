import type {Check} from '../../check'
import type {DockerfileDoc} from '../../parsers/dockerfile'

const PIPE_TO_SHELL = /\b(curl|wget)\b[^|;&\n]*\|\s*(sudo\s+)?(-E\s+)?(ba|z|da|k|a)?sh\b/
const SUBSHELL_DOWNLOAD = /\b(ba|z|da|k)?sh\s+-c\s+["']?\$\(\s*(curl|wget)\b/

export const pipeToShell: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-007',
  platform: 'dockerfile',
  severity: 'high',
  title: 'Remote script piped into a shell',
  description:
    '`curl ... | sh` runs whatever the server sends at build time, unverified; a compromised host or a MITM owns the image.',
  remediation:
    'Download the script or package to a file, verify its checksum or signature, then run it.',
  docs: 'https://docs.docker.com/build/building/best-practices/#using-pipes',
  run: doc =>
    doc.instructions.flatMap(i =>
      i.keyword === 'RUN' && (PIPE_TO_SHELL.test(i.args) || SUBSHELL_DOWNLOAD.test(i.args))
        ? [{line: i.line}]
        : []
    ),
  fail: {
    fileName: 'Dockerfile',
    text: `FROM debian:12-slim
RUN apt-get update \\
 && curl -fsSL https://get.example.com/install.sh | bash -s -- --yes
`,
    lines: [2]
  },
  pass: {
    fileName: 'Dockerfile',
    text: `FROM debian:12-slim
RUN curl -fsSLo install.sh https://get.example.com/install.sh \\
 && echo "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d  install.sh" | sha256sum -c - \\
 && bash install.sh --yes
`
  }
}
