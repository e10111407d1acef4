import type {Check} from '../../check'
import type {DockerfileDoc} from '../../parsers/dockerfile'

export const exposeSsh: Check<DockerfileDoc> = {
  id: 'PG-DOCKER-018',
  platform: 'dockerfile',
  severity: 'low',
  title: 'Image exposes the SSH port',
  description:
    'Running sshd in a container adds a credential store and a remote login surface; `docker exec` / `kubectl exec` do the job without it (CIS Docker 5.6).',
  remediation: 'Remove `EXPOSE 22` and the SSH server from the image.',
  docs: 'https://docs.docker.com/reference/dockerfile/#expose',
  aliases: ['CKV_DOCKER_1'],
  run: doc =>
    doc.instructions.flatMap(i =>
      i.keyword === 'EXPOSE' && i.expanded.some(p => /^22(\/(tcp|udp))?$/i.test(p))
        ? [{line: i.line}]
        : []
    ),
  fail: {
    fileName: 'Dockerfile',
    text: `FROM ubuntu:24.04
EXPOSE 8080 22/tcp
`,
    lines: [2]
  },
  pass: {
    fileName: 'Dockerfile',
    text: `FROM ubuntu:24.04
EXPOSE 8080 2222
`
  }
}
