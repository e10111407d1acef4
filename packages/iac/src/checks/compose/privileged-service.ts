import type {Check} from '../../check'
import type {ComposeDoc} from '../../parsers/compose'
import {isTrue, pairOf} from '../../parsers/yaml-document'

export const privilegedService: Check<ComposeDoc> = {
  id: 'PG-COMPOSE-001',
  platform: 'compose',
  severity: 'high',
  title: 'Service runs privileged',
  description:
    'A privileged container has all capabilities and the host devices; escaping to the host is trivial (CIS Docker 5.4).',
  remediation:
    'Remove `privileged: true`; add only the capabilities the service needs with `cap_add`.',
  docs: 'https://docs.docker.com/reference/compose-file/services/#privileged',
  run: doc =>
    doc.services.flatMap(s => {
      const pair = pairOf(s.node, 'privileged')
      return pair && isTrue(pair.value) ? [{line: pair.keyLine, resource: s.ref}] : []
    }),
  fail: {
    fileName: 'docker-compose.yml',
    text: `services:
  web:
    image: nginx:1.27
  agent:
    image: portainer/agent:2.21.4
    privileged: true
`,
    lines: [6]
  },
  pass: {
    fileName: 'docker-compose.yml',
    text: `services:
  web:
    image: nginx:1.27
    privileged: false
`
  }
}
