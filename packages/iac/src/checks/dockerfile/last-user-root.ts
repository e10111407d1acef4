import type {Check} from '../../check'
import {lastInFinalImage, type DockerfileDoc} from '../../parsers/dockerfile'

export const lastUserRoot: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-002',
  platform: 'dockerfile',
  severity: 'medium',
  title: 'Last USER is root',
  description:
    'The final image switches back to root, so the container process runs with full privileges (CIS Docker 4.1).',
  remediation:
    'End the final stage with `USER <non-root user>`; switch to root only for the RUN steps that need it.',
  docs: 'https://github.com/hadolint/hadolint/wiki/DL3002',
  aliases: ['DL3002', 'CKV_DOCKER_8'],
  run: doc => {
    const user = lastInFinalImage(doc, 'USER')
    const name = user?.expanded[0]?.split(':')[0]
    return user && (name === 'root' || name === '0') ? [{line: user.line}] : []
  },
  fail: {
    fileName: 'Dockerfile',
    text: `FROM debian:12-slim
USER app
RUN ls
USER root
CMD ["bash"]
`,
    lines: [4]
  },
  pass: {
    fileName: 'Dockerfile',
    text: `FROM debian:12-slim
USER root
RUN apt-get update
USER app
CMD ["bash"]
`
  }
}
